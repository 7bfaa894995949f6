package com.worklib.billing.invoice;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.payment.PayoutPayload;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.messaging.Inbox;
import com.worklib.platform.messaging.IncomingEvent;

/**
 * Payout outcomes become invoice payment status: PAID when Stripe paid the partner,
 * PAYMENT_FAILED (with the reason) when the payout failed for good; each change is
 * published as {@code InvoicePaid} / {@code InvoicePaymentFailed}.
 */
@Component
class PayoutStatusListener {

	private final Invoices invoices;

	private final Inbox inbox;

	private final EventPublisher events;

	PayoutStatusListener(Invoices invoices, Inbox inbox, EventPublisher events) {
		this.invoices = invoices;
		this.inbox = inbox;
		this.events = events;
	}

	@KafkaListener(id = "billing-payouts", topics = Topics.PAYMENT_PAYOUTS, groupId = "billing-service-payouts")
	void onPayout(ConsumerRecord<String, String> record) {
		this.inbox.process("billing.payouts", IncomingEvent.from(record), PayoutPayload.class, this::apply);
	}

	boolean apply(PayoutPayload payout) {
		String status = switch (payout.status()) {
			case "PAID" -> "PAID";
			case "FAILED" -> "PAYMENT_FAILED";
			default -> null;
		};
		if (status == null || payout.invoiceId() == null) {
			return false;
		}
		return this.invoices.updateStatus(payout.invoiceId(), status, "PAID".equals(status) ? null : payout.reason())
			.map(invoice -> {
				this.events.publish(Topics.BILLING_INVOICES, invoice.partnerId().toString(),
						"PAID".equals(status) ? EventTypes.INVOICE_PAID : EventTypes.INVOICE_PAYMENT_FAILED,
						invoice.invoiceId().toString(), InvoiceIssuer.payload(invoice));
				return true;
			})
			.orElse(false);
	}

}
