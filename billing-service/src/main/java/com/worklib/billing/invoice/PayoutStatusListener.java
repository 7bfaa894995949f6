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

	private final InvoiceRepository invoices;

	private final Inbox inbox;

	private final EventPublisher events;

	PayoutStatusListener(InvoiceRepository invoices, Inbox inbox, EventPublisher events) {
		this.invoices = invoices;
		this.inbox = inbox;
		this.events = events;
	}

	@KafkaListener(id = "billing-payouts", topics = Topics.PAYMENT_PAYOUTS, groupId = "billing-service-payouts")
	void onPayout(ConsumerRecord<String, String> record) {
		this.inbox.process("billing.payouts", IncomingEvent.from(record), PayoutPayload.class, this::apply);
	}

	boolean apply(PayoutPayload payout) {
		if (payout.invoiceId() == null || !("PAID".equals(payout.status()) || "FAILED".equals(payout.status()))) {
			return false;
		}
		return this.invoices.find(payout.invoiceId())
			.flatMap(
					invoice -> "PAID".equals(payout.status()) ? invoice.paid() : invoice.paymentFailed(payout.reason()))
			.map(changed -> {
				this.invoices.updateStatus(changed);
				this.events.publish(
						Topics.BILLING_INVOICES, changed.partnerId().toString(), changed.status() == InvoiceStatus.PAID
								? EventTypes.INVOICE_PAID : EventTypes.INVOICE_PAYMENT_FAILED,
						changed.invoiceId().toString(), changed.payload());
				return true;
			})
			.orElse(false);
	}

}
