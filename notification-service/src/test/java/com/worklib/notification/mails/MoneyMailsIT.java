package com.worklib.notification.mails;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.InvoicePayload;
import com.worklib.contracts.payment.PayoutPayload;
import com.worklib.notification.DocumentsGateway;
import com.worklib.notification.NotificationIT;
import com.worklib.platform.test.MailSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.platform.test.WithSmtp;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(
		properties = { "worklib.notification.send-interval=200ms", "worklib.notification.initial-backoff=200ms" })
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
@WithSmtp
class MoneyMailsIT extends NotificationIT {

	/** The gateway (billing's PDFs) and Keycloak's token endpoint, stood in. */
	static final com.github.tomakehurst.wiremock.WireMockServer gateway = DocumentsGateway.started();

	@org.springframework.test.context.DynamicPropertySource
	static void documents(org.springframework.test.context.DynamicPropertyRegistry registry) {
		DocumentsGateway.register(gateway, registry);
	}

	InvoicePayload invoice(UUID partnerId, String number, String billingEmail, long total) {
		return new InvoicePayload(UUID.randomUUID(), partnerId, number, "2026-10",
				Instant.parse("2026-11-01T01:00:00Z"), new MoneyAmount(total * 5 / 6, "EUR"),
				new MoneyAmount(total / 6, "EUR"), new MoneyAmount(total, "EUR"), "ISSUED", billingEmail, 1);
	}

	PayoutPayload payout(InvoicePayload invoice, String status, String reason, long version) {
		return new PayoutPayload(UUID.nameUUIDFromBytes(invoice.invoiceId().toString().getBytes()), invoice.partnerId(),
				invoice.invoiceId(), invoice.totalInclVat(), LocalDate.of(2026, 11, 10), status, reason, null, version);
	}

	void invoiceIssued(InvoicePayload invoice) throws Exception {
		publish(Topics.BILLING_INVOICES, invoice.partnerId().toString(), UUID.randomUUID().toString(),
				EventTypes.INVOICE_ISSUED, invoice);
	}

	/**
	 * Billing issued the invoice days before Stripe pays it: the payout mails below wait
	 * until the invoice is known, as it would be (two topics, no order between them).
	 */
	void invoiceKnown(InvoicePayload invoice) throws Exception {
		invoiceIssued(invoice);
		org.awaitility.Awaitility.await("invoice " + invoice.number() + " known")
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM invoice_notice WHERE invoice_id = :id AND number IS NOT NULL")
				.param("id", invoice.invoiceId())
				.query(Long.class)
				.single() == 1);
	}

	void payoutEvent(String type, PayoutPayload payout) throws Exception {
		publish(Topics.PAYMENT_PAYOUTS, payout.partnerId().toString(), UUID.randomUUID().toString(), type, payout);
	}

	@Test
	void theInvoiceMailAnnouncesTheAmountAndPayoutDateOnceBothAreKnown() throws Exception {
		String billing = address("billing");
		InvoicePayload invoice = invoice(UUID.randomUUID(), "ATLYON-2026-00007", billing, 12_600);

		invoiceIssued(invoice);
		Thread.sleep(1000);
		assertThat(MailSupport.messagesTo(billing)).as("no payout date yet").isEmpty();
		payoutEvent(EventTypes.PAYOUT_PLANNED, payout(invoice, "PLANNED", null, 1));

		MailSupport.Mail mail = mailTo(billing);
		assertThat(mail.subject()).isEqualTo("Votre facture ATLYON-2026-00007 (octobre 2026)");
		assertThat(mail.text()).contains("(autofacturation)")
			.contains("Le virement de 126,00\u00a0€ est prévu le mardi 10 novembre 2026.")
			.contains("http://localhost:3000/partners/" + invoice.partnerId() + "/invoices/" + invoice.invoiceId());
		// the invoice itself, fetched from billing as the service account
		assertThat(mail.attachments()).singleElement().satisfies(pdf -> {
			assertThat(pdf.fileName()).isEqualTo("ATLYON-2026-00007.pdf");
			assertThat(pdf.contentType()).isEqualTo("application/pdf");
			assertThat(new String(pdf.content(), java.nio.charset.StandardCharsets.US_ASCII))
				.isEqualTo("%PDF-1.7 stand-in invoice");
		});
		gateway.verify(com.github.tomakehurst.wiremock.client.WireMock
			.getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
				.urlEqualTo("/api/billing/v1/invoices/" + invoice.invoiceId() + "/pdf"))
			.withHeader("Authorization",
					com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer mailer-token")));
		// billing republishes the invoice: still one mail
		invoiceIssued(invoice);
		assertStillOneMailTo(billing);
	}

	@Test
	void thePayoutPlanArrivingFirstStillGivesOneInvoiceMail() throws Exception {
		String billing = address("billing");
		InvoicePayload invoice = invoice(UUID.randomUUID(), "PAYFIRST-2026-00001", billing, 6_000);

		payoutEvent(EventTypes.PAYOUT_PLANNED, payout(invoice, "PLANNED", null, 1));
		invoiceIssued(invoice);

		assertThat(mailTo(billing).text()).contains("60,00\u00a0€");
		assertStillOneMailTo(billing);
	}

	@Test
	void aBlockedPayoutTellsOwnerAndFinanceWhatStripeNeedsButNotTheManager() throws Exception {
		UUID partnerId = UUID.randomUUID();
		String owner = address("owner");
		String finance = address("finance");
		String manager = address("manager");
		member(partnerId, user(owner, "Olivia", "Roux", "fr"), "OWNER");
		member(partnerId, user(finance, "Frank", "Moreau", "en"), "FINANCE");
		member(partnerId, user(manager, "Marc", "Petit", "fr"), "MANAGER");
		InvoicePayload invoice = invoice(partnerId, "BLOCK-2026-00001", address("billing"), 9_900);
		invoiceKnown(invoice);

		payoutEvent(EventTypes.PAYOUT_BLOCKED, payout(invoice, "BLOCKED",
				"Stripe onboarding is not finished; Stripe still needs: individual.verification.document", 2));

		MailSupport.Mail toOwner = mailTo(owner);
		assertThat(toOwner.subject()).isEqualTo("Paiement en attente : Stripe a besoin d’informations");
		assertThat(toOwner.text()).startsWith("Bonjour Olivia,")
			.contains("Nous ne pouvons pas encore vous verser 99,00\u00a0€ (facture BLOCK-2026-00001).")
			.contains("individual.verification.document")
			.contains("/partners/" + partnerId + "/payouts");
		assertThat(mailTo(finance).subject()).isEqualTo("Payout on hold: Stripe needs information");
		Thread.sleep(1000);
		assertThat(MailSupport.messagesTo(manager)).isEmpty();
	}

	@Test
	void aPaidPayoutIsAnnouncedToOwnerAndFinance() throws Exception {
		UUID partnerId = UUID.randomUUID();
		String owner = address("owner");
		member(partnerId, user(owner, "Olivia", "Roux", "fr"), "OWNER");
		InvoicePayload invoice = invoice(partnerId, "PAID-2026-00001", address("billing"), 4_200);
		invoiceKnown(invoice);

		payoutEvent(EventTypes.PAYOUT_PAID, payout(invoice, "PAID", null, 4));

		MailSupport.Mail mail = mailTo(owner);
		assertThat(mail.subject()).isEqualTo("Paiement effectué : 42,00\u00a0€");
		assertThat(mail.text()).contains("Stripe a versé 42,00\u00a0€ (facture PAID-2026-00001)");
	}

	@Test
	void aFailedPayoutSaysWhyAndWhatToDo() throws Exception {
		UUID partnerId = UUID.randomUUID();
		String finance = address("finance");
		member(partnerId, user(finance, "Fanny", "Moreau", "fr"), "FINANCE");
		InvoicePayload invoice = invoice(partnerId, "FAIL-2026-00001", address("billing"), 4_200);
		invoiceKnown(invoice);

		payoutEvent(EventTypes.PAYOUT_FAILED,
				payout(invoice, "FAILED", "account_closed: the bank account is closed", 3));

		MailSupport.Mail mail = mailTo(finance);
		assertThat(mail.subject()).isEqualTo("Virement échoué : 42,00\u00a0€");
		assertThat(mail.text()).contains("Le virement de 42,00\u00a0€ (facture FAIL-2026-00001) a échoué")
			.contains("account_closed: the bank account is closed")
			.contains("Paramètres › Paiements")
			.contains("/partners/" + partnerId + "/payouts");
	}

	@Test
	void aMonthTheCloseCouldNotInvoiceTellsOwnerAndFinanceWhatToComplete() throws Exception {
		UUID partnerId = UUID.randomUUID();
		String owner = address("owner");
		String manager = address("manager");
		member(partnerId, user(owner, "Olivia", "Roux", "fr"), "OWNER");
		member(partnerId, user(manager, "Marc", "Petit", "fr"), "MANAGER");

		publish(Topics.BILLING_INVOICES, partnerId.toString(), UUID.randomUUID().toString(),
				EventTypes.PARTNER_MONTH_NOT_INVOICED,
				new com.worklib.contracts.billing.MonthNotInvoicedPayload(partnerId, "2026-11",
						"BILLING_INFORMATION_MISSING", 3, new MoneyAmount(9610, "EUR"), UUID.randomUUID()));

		MailSupport.Mail mail = mailTo(owner);
		assertThat(mail.subject()).isEqualTo("Vous n’avez pas été facturé pour novembre 2026");
		assertThat(mail.text()).startsWith("Bonjour Olivia,")
			.contains("vos informations de facturation ne sont pas renseignées")
			.contains("3 ligne(s) pour 96,10\u00a0€ HT attendent d’être facturées")
			.contains("/partners/" + partnerId + "/parametres/facturation");
		Thread.sleep(1000);
		assertThat(MailSupport.messagesTo(manager)).isEmpty();
	}

	@Test
	void whileBillingCannotGiveThePdfTheInvoiceMailWaitsThenLeavesWithIt() throws Exception {
		String billing = address("billing");
		InvoicePayload invoice = invoice(UUID.randomUUID(), "WAIT-2026-00001", billing, 6_000);
		String pdf = "/api/billing/v1/invoices/" + invoice.invoiceId() + "/pdf";
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(pdf)
			.inScenario("billing away")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503))
			.willSetStateTo("back"));
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(pdf)
			.inScenario("billing away")
			.whenScenarioStateIs("back")
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withHeader("Content-Type", "application/pdf")
				.withBody("%PDF-1.7 later")));

		payoutEvent(EventTypes.PAYOUT_PLANNED, payout(invoice, "PLANNED", null, 1));
		invoiceIssued(invoice);

		MailSupport.Mail mail = mailTo(billing);
		assertThat(mail.attachments()).singleElement()
			.satisfies(p -> assertThat(new String(p.content(), java.nio.charset.StandardCharsets.US_ASCII))
				.isEqualTo("%PDF-1.7 later"));
		gateway.verify(2, com.github.tomakehurst.wiremock.client.WireMock
			.getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(pdf)));
		assertStillOneMailTo(billing);
	}

}
