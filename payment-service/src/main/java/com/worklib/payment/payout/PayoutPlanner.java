package com.worklib.payment.payout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.InvoicePayload;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.messaging.Inbox;
import com.worklib.platform.messaging.IncomingEvent;
import com.worklib.platform.money.Money;

/**
 * Plans one payout per issued invoice for its total including VAT (what the self-billing
 * invoice says Worklib owes the partner). A credit note or a zero invoice pays nothing.
 */
@Component
class PayoutPlanner {

	private static final Logger log = LoggerFactory.getLogger(PayoutPlanner.class);

	private final PayoutRepository payouts;

	private final PayoutCalendar calendar;

	private final Inbox inbox;

	private final EventPublisher events;

	private final Clock clock;

	PayoutPlanner(PayoutRepository payouts, PayoutCalendar calendar, Inbox inbox, EventPublisher events, Clock clock) {
		this.payouts = payouts;
		this.calendar = calendar;
		this.inbox = inbox;
		this.events = events;
		this.clock = clock;
	}

	@KafkaListener(id = "payment-invoices", topics = Topics.BILLING_INVOICES, groupId = "payment-service-invoices")
	void onInvoice(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (EventTypes.INVOICE_ISSUED.equals(event.type())) {
			this.inbox.process("payment.invoices", event, InvoicePayload.class, this::plan);
		}
	}

	boolean plan(InvoicePayload invoice) {
		Money total = Money.from(invoice.totalInclVat());
		if (total.amountMinor() <= 0) {
			log.info("Invoice {} totals {}: no payout (credit notes are settled by ops)", invoice.number(), total);
			return false;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(PayoutCalendar.PARIS));
		LocalDate planned = this.calendar.plannedDate(YearMonth.parse(invoice.month()), today);
		Payout payout = new Payout(UUID.randomUUID(), invoice.partnerId(), invoice.invoiceId(), invoice.number(), total,
				planned, this.calendar.deadline(planned), PayoutStatus.PLANNED, null, null, null, 1);
		if (!this.payouts.insert(payout)) {
			return false;
		}
		this.events.publish(Topics.PAYMENT_PAYOUTS, payout.partnerId().toString(), EventTypes.PAYOUT_PLANNED,
				payout.payoutId().toString(), payout.payload());
		return true;
	}

}
