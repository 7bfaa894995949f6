package com.worklib.notification.mails;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.InvoicePayload;
import com.worklib.contracts.billing.MonthNotInvoicedPayload;
import com.worklib.contracts.payment.PayoutPayload;
import com.worklib.notification.contact.ContactRepository;
import com.worklib.notification.delivery.DeliveryRepository;
import com.worklib.notification.delivery.MailContent;
import com.worklib.notification.delivery.MailRenderer;
import com.worklib.platform.messaging.IncomingEvent;

/**
 * Money mails. The invoice mail goes to the partner's billing email once billing's
 * {@code InvoiceIssued} and payment's {@code PayoutPlanned} are both known (in either
 * order), since it announces the payout date; a credit note needs no payout. Payout
 * blocked, failed and paid go to the partner's OWNER and FINANCE members, the first two
 * with Stripe's reason and what to do.
 */
@Component
class BillingMails {

	static final List<String> MONEY_ROLES = List.of("OWNER", "FINANCE");

	private final JdbcClient jdbc;

	private final ContactRepository contacts;

	private final DeliveryRepository deliveries;

	private final MailFormats formats;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	BillingMails(JdbcClient jdbc, ContactRepository contacts, DeliveryRepository deliveries, MailFormats formats,
			TransactionTemplate transactions, JsonMapper json) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.deliveries = deliveries;
		this.formats = formats;
		this.transactions = transactions;
		this.json = json;
	}

	@KafkaListener(id = "notification-invoices", topics = Topics.BILLING_INVOICES,
			groupId = "notification-service-invoices")
	void onInvoice(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (EventTypes.PARTNER_MONTH_NOT_INVOICED.equals(event.type())) {
			MonthNotInvoicedPayload month = event.payloadAs(this.json, MonthNotInvoicedPayload.class);
			this.transactions.executeWithoutResult(tx -> notInvoiced(event.id(), month));
			return;
		}
		if (!EventTypes.INVOICE_ISSUED.equals(event.type())) {
			return;
		}
		InvoicePayload invoice = event.payloadAs(this.json, InvoicePayload.class);
		this.transactions.executeWithoutResult(tx -> {
			this.jdbc
				.sql("""
						INSERT INTO invoice_notice (invoice_id, partner_id, number, month, total_incl_minor, currency, billing_email)
						VALUES (:id, :partnerId, :number, :month, :total, :currency, :email)
						ON CONFLICT (invoice_id) DO UPDATE SET number = EXCLUDED.number, month = EXCLUDED.month,
						    total_incl_minor = EXCLUDED.total_incl_minor, currency = EXCLUDED.currency,
						    billing_email = EXCLUDED.billing_email
						""")
				.param("id", invoice.invoiceId())
				.param("partnerId", invoice.partnerId())
				.param("number", invoice.number())
				.param("month", invoice.month())
				.param("total", invoice.totalInclVat().amountMinor())
				.param("currency", invoice.totalInclVat().currency())
				.param("email", invoice.billingEmail())
				.update();
			invoiceMail(invoice.invoiceId());
		});
	}

	@KafkaListener(id = "notification-payouts", topics = Topics.PAYMENT_PAYOUTS,
			groupId = "notification-service-payouts")
	void onPayout(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		PayoutPayload payout = event.payloadAs(this.json, PayoutPayload.class);
		this.transactions.executeWithoutResult(tx -> {
			switch (event.type()) {
				case EventTypes.PAYOUT_PLANNED -> {
					this.jdbc.sql("""
							INSERT INTO invoice_notice (invoice_id, partner_id, payout_planned_date)
							VALUES (:id, :partnerId, :planned)
							ON CONFLICT (invoice_id) DO UPDATE SET payout_planned_date = EXCLUDED.payout_planned_date
							""")
						.param("id", payout.invoiceId())
						.param("partnerId", payout.partnerId())
						.param("planned", payout.plannedDate())
						.update();
					invoiceMail(payout.invoiceId());
				}
				case EventTypes.PAYOUT_BLOCKED -> toMoneyPeople("payout-blocked", event.id(), payout);
				case EventTypes.PAYOUT_PAID -> toMoneyPeople("payout-paid", event.id(), payout);
				case EventTypes.PAYOUT_FAILED -> toMoneyPeople("payout-failed", event.id(), payout);
				default -> {
				}
			}
		});
	}

	private record Notice(UUID invoiceId, UUID partnerId, String number, String month, Long totalInclMinor,
			String currency, String billingEmail, LocalDate payoutPlannedDate) {
	}

	private Optional<Notice> notice(UUID invoiceId) {
		return this.jdbc.sql("SELECT * FROM invoice_notice WHERE invoice_id = :id FOR UPDATE")
			.param("id", invoiceId)
			.query(Notice.class)
			.optional();
	}

	private void invoiceMail(UUID invoiceId) {
		Notice notice = notice(invoiceId).orElseThrow();
		boolean creditNote = notice.totalInclMinor() != null && notice.totalInclMinor() <= 0;
		if (notice.number() == null || notice.billingEmail() == null
				|| (notice.payoutPlannedDate() == null && !creditNote)) {
			return;
		}
		Locale locale = MailRenderer.FRENCH;
		String total = MailFormats.money(new MoneyAmount(notice.totalInclMinor(), notice.currency()), locale);
		String month = MailFormats.month(notice.month(), locale);
		MailContent.Builder mail = MailContent
			.of("invoice-issued", "invoice:" + invoiceId, notice.billingEmail(), locale)
			.subject(notice.number(), month)
			.paragraph("p1", notice.number(), month);
		if (creditNote) {
			mail.paragraph("credit");
		}
		else {
			mail.paragraph("p2", notice.number(), month, total, MailFormats.date(notice.payoutPlannedDate(), locale));
		}
		mail.detail("invoice", notice.number())
			.detail("period", month)
			.detail("total", total)
			.detail("payoutDate",
					notice.payoutPlannedDate() == null ? null : MailFormats.date(notice.payoutPlannedDate(), locale))
			.action(this.formats.backOfficeUrl + "/partners/" + notice.partnerId() + "/invoices/" + invoiceId)
			.attachInvoice(invoiceId, notice.number() + ".pdf");
		this.deliveries.queue(mail.build());
	}

	/**
	 * The close skipped a month with bookings in it: OWNER and FINANCE members learn what
	 * to complete, since without it there is neither invoice nor payout.
	 */
	private void notInvoiced(String eventId, MonthNotInvoicedPayload skipped) {
		String settings = this.formats.backOfficeUrl + "/partners/" + skipped.partnerId() + "/parametres/facturation"
				+ ("MANDATE_NOT_ACCEPTED".equals(skipped.reason()) ? "#mandat" : "");
		for (ContactRepository.User member : this.contacts.members(skipped.partnerId(), MONEY_ROLES)) {
			Locale locale = MailRenderer.locale(member.locale());
			String month = MailFormats.month(skipped.month(), locale);
			String amount = MailFormats.money(skipped.amountExclVat(), locale);
			this.deliveries.queue(MailContent.of("month-not-invoiced", eventId, member.email(), locale)
				.greeting(member.firstName())
				.subject(month)
				.paragraph("p1", month)
				.paragraph(skipped.reason())
				.paragraph("p2", skipped.lines(), amount)
				.detail("period", month)
				.detail("waiting", amount)
				.action(settings)
				.build());
		}
	}

	private void toMoneyPeople(String template, String eventId, PayoutPayload payout) {
		String number = notice(payout.invoiceId()).map(Notice::number).orElse("—");
		for (ContactRepository.User member : this.contacts.members(payout.partnerId(), MONEY_ROLES)) {
			Locale locale = MailRenderer.locale(member.locale());
			String amount = MailFormats.money(payout.amount(), locale);
			MailContent.Builder mail = MailContent.of(template, eventId, member.email(), locale)
				.greeting(member.firstName())
				.subject(amount)
				.paragraph("p1", amount, number);
			if ("payout-blocked".equals(template) || "payout-failed".equals(template)) {
				mail.paragraph("p2").detail("reason", payout.reason());
			}
			mail.detail("invoice", number)
				.action(this.formats.backOfficeUrl + "/partners/" + payout.partnerId() + "/payouts");
			this.deliveries.queue(mail.build());
		}
	}

}
