package com.worklib.web.partner.billing;

import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.worklib.platform.test.WithPostgres;
import com.worklib.web.PagesIT;
import com.worklib.web.StandInGateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Factures" against a stand-in API, with odd prices (12,35 € × 3 h at 7 %, a day at 20
 * %, a late-cancellation fee, a regularisation): the statement's lines with unit,
 * quantity, unit price and running total; the invoices with their payout; an invoice
 * explained to the cent; its PDF; another partner's invoice refused; a MANAGER sees the
 * statement and not the invoices.
 */
@SpringBootTest(properties = "WORKLIB_WEB_CLIENT_SECRET=test-only")
@AutoConfigureMockMvc
@WithPostgres
class InvoicePagesIT extends PagesIT {

	static final UUID PARTNER = UUID.randomUUID();

	static final UUID MANAGED = UUID.randomUUID();

	static final UUID INVOICE = UUID.randomUUID();

	static final UUID OTHERS = UUID.randomUUID();

	static WireMockServer gateway;

	static String line(Integer no, String date, String workspace, String kind, String unit, String quantity,
			Long unitPrice, long amount, int bps, String regularises) {
		return """
				{"lineNo":%s,"bookingId":"%s","serviceDate":"%s","workspaceName":"%s","kind":"%s",
				 "amountExclVat":{"amountMinor":%d,"currency":"EUR"},"vatRateBps":%d,"regularisesNumber":%s,
				 "unit":%s,"quantity":%s,"unitPriceExclVat":%s}""".formatted(no, UUID.randomUUID(), date, workspace,
				kind, amount, bps, regularises == null ? "null" : "\"" + regularises + "\"",
				unit == null ? "null" : "\"" + unit + "\"", quantity,
				unitPrice == null ? "null" : "{\"amountMinor\":%d,\"currency\":\"EUR\"}".formatted(unitPrice));
	}

	static String eur(long minor) {
		return "{\"amountMinor\":%d,\"currency\":\"EUR\"}".formatted(minor);
	}

	@BeforeAll
	static void api() {
		gateway = StandInGateway.start(Map.of(PARTNER, "OWNER", MANAGED, "MANAGER"),
				Map.of(PARTNER, "Atelier du Lac SAS", MANAGED, "Semnoz Coworking"));
		String statementLines = String.join(",",
				line(null, "2027-01-12", "Salle du Lac", "BOOKING", "HOUR", "3", 1235L, 3705, 700, null),
				line(null, "2027-01-14", "Open space", "BOOKING", "DAY", "1", 2200L, 2200, 2000, null),
				line(null, "2027-01-20", "Salle du Lac", "LATE_CANCELLATION", "HOUR", "3", 1235L, 3705, 700, null));
		gateway.stubFor(WireMock.get("/api/billing/v1/partners/" + PARTNER + "/statements/2027-01")
			.willReturn(okJson("""
					{"month":"2027-01","status":"OPEN","lines":[%s],
					 "totals":{"exclVat":%s,"vatByRate":[{"vatRateBps":700,"base":%s,"vat":%s},
					  {"vatRateBps":2000,"base":%s,"vat":%s}],"vat":%s,"inclVat":%s},
					 "linesInclVatRoundedPerLine":%s}""".formatted(statementLines, eur(9610), eur(7410), eur(519),
					eur(2200), eur(440), eur(959), eur(10569), eur(10568)))));
		gateway.stubFor(WireMock.get("/api/billing/v1/partners/" + MANAGED + "/statements/2027-01")
			.willReturn(okJson("""
					{"month":"2027-01","status":"OPEN","lines":[],
					 "totals":{"exclVat":%s,"vatByRate":[],"vat":%s,"inclVat":%s}}""".formatted(eur(0), eur(0),
					eur(0)))));
		String totals = """
				{"exclVat":%s,"vatByRate":[{"vatRateBps":700,"base":%s,"vat":%s},{"vatRateBps":2000,"base":%s,"vat":%s}],
				 "vat":%s,"inclVat":%s}"""
			.formatted(eur(9110), eur(7410), eur(519), eur(1700), eur(340), eur(859), eur(9969));
		gateway.stubFor(WireMock.get(urlPathEqualTo("/api/billing/v1/partners/" + PARTNER + "/invoices"))
			.willReturn(okJson("""
					{"items":[{"invoiceId":"%s","number":"ATEL-2027-00004","type":"INVOICE","month":"2027-01",
					 "issuedAt":"2027-02-01T00:05:00Z","totals":%s,"status":"ISSUED"}],
					 "page":{"number":0,"size":200,"totalElements":1,"totalPages":1}}""".formatted(INVOICE, totals))));
		gateway.stubFor(WireMock.get("/api/billing/v1/invoices/" + INVOICE)
			.willReturn(okJson("""
					{"invoiceId":"%s","partnerId":"%s","month":"2027-01","number":"ATEL-2027-00004","type":"INVOICE",
					 "issuedAt":"2027-02-01T00:05:00Z","totals":%s,"mandateVersion":"2026-12-v1","status":"ISSUED",
					 "seller":{"legalName":"Atelier du Lac SAS"},"linesInclVatRoundedPerLine":%s,
					 "lines":[%s]}""".formatted(INVOICE, PARTNER, totals, eur(9968),
					String.join(",",
							line(1, "2027-01-12", "Salle du Lac", "BOOKING", "HOUR", "3", 1235L, 3705, 700, null),
							line(2, "2027-01-14", "Open space", "BOOKING", "DAY", "1", 2200L, 2200, 2000, null),
							line(3, "2027-01-20", "Salle du Lac", "LATE_CANCELLATION", "HOUR", "3", 1235L, 3705, 700,
									null),
							line(4, "2026-12-18", "Open space", "REGULARISATION", null, "null", null, -500, 2000,
									"ATEL-2026-00003"))))));
		gateway.stubFor(WireMock.get("/api/billing/v1/invoices/" + INVOICE + "/pdf")
			.willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody("%PDF-1.7 stand-in")));
		gateway.stubFor(WireMock.get("/api/billing/v1/invoices/" + OTHERS)
			.willReturn(okJson("""
					{"invoiceId":"%s","partnerId":"%s","month":"2027-01","number":"SEMN-2027-00001","type":"INVOICE",
					 "issuedAt":"2027-02-01T00:05:00Z","totals":%s,"status":"ISSUED","lines":[]}""".formatted(OTHERS,
					UUID.randomUUID(), totals))));
		gateway.stubFor(WireMock.get(urlPathEqualTo("/api/payments/v1/partners/" + PARTNER + "/payouts"))
			.willReturn(okJson("""
					{"items":[{"payoutId":"%s","invoiceId":"%s","invoiceNumber":"ATEL-2027-00004","amount":%s,
					 "plannedDate":"2027-02-10","status":"PLANNED"}]}""".formatted(UUID.randomUUID(), INVOICE,
					eur(9969)))));
	}

	@AfterAll
	static void stop() {
		gateway.stop();
	}

	@DynamicPropertySource
	static void gatewayUrl(DynamicPropertyRegistry registry) {
		registry.add("worklib.web.gateway-url", () -> gateway.baseUrl());
	}

	@Test
	void theStatementShowsEachLinesUnitQuantityAndPriceWithARunningTotal() throws Exception {
		String html = text("/partners/" + PARTNER + "/factures?month=2027-01");
		String statement = html.substring(html.indexOf("Relevé : janvier 2027"), html.indexOf("Vos factures"));
		// 12,35 € × 3 h, then a day at 22 €, then the late fee: 37,05 → 59,05 → 96,10
		assertThat(statement).contains("12,35\u00a0€ HT")
			.contains("37,05\u00a0€ HT")
			.contains("59,05\u00a0€ HT")
			.contains("96,10\u00a0€ HT");
		assertThat(statement).contains("(frais d'annulation tardive)").contains(">h<").contains(">3<");
		// the totals are the API's, rate by rate
		assertThat(statement).contains("TVA 7\u00a0% sur 74,10\u00a0€")
			.contains("5,19\u00a0€")
			.contains("105,69\u00a0€ TTC");
		assertThat(statement).contains("Brouillon");
		// per booking, 259 + 440 + 259 cents of VAT; per rate, 519 + 440: one cent apart,
		// said
		assertThat(statement).contains("Pourquoi le total TTC peut différer de quelques centimes")
			.contains("les lignes feraient 105,68\u00a0€ TTC ; calculée une fois par taux, la facture fait "
					+ "105,69\u00a0€ TTC, soit 1 centime(s) d'écart.");
		// the invoices, each with its planned transfer
		String invoices = html.substring(html.indexOf("Vos factures"));
		assertThat(invoices).contains("ATEL-2027-00004").contains("99,69\u00a0€ TTC").contains("Prévu le 10/02/2027");
	}

	@Test
	void anInvoiceExplainsItsLinesAndItsVatToTheCent() throws Exception {
		String html = text("/partners/" + PARTNER + "/invoices/" + INVOICE);
		assertThat(html).contains("Facture ATEL-2027-00004").contains("Atelier du Lac SAS").contains("2026-12-v1");
		String explained = html.substring(html.indexOf("Le calcul, au centime près"));
		assertThat(explained).contains("3 × 1\u00a0235 centimes = 3\u00a0705 centimes HT");
		assertThat(explained).contains("-500 centimes HT, l'écart avec la facture ATEL-2026-00003");
		// 7 % of 74,10 € is 518,7 cents: the invoice says 519, and says why
		assertThat(explained).contains("TVA 7\u00a0% de 7\u00a0410 centimes = 518,7 centimes, arrondis à 519 centimes");
		assertThat(explained).contains("TVA 20\u00a0% de 1\u00a0700 centimes = 340 centimes, arrondis à 340 centimes");
		assertThat(explained).contains("9\u00a0110 centimes HT + 859 centimes de TVA = 9\u00a0969 centimes TTC");
		assertThat(explained).contains("les lignes feraient 99,68\u00a0€ TTC")
			.contains("la facture fait 99,69\u00a0€ TTC, soit 1 centime(s) d'écart");
		assertThat(html).contains("Prévu le 10/02/2027");
		assertThat(html).contains("/partners/" + PARTNER + "/factures/" + INVOICE + ".pdf");
	}

	@Test
	void thePdfDownloadsUnderItsNumber() throws Exception {
		MockHttpServletResponse response = open("/partners/" + PARTNER + "/factures/" + INVOICE + ".pdf");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("ATEL-2027-00004.pdf");
		assertThat(response.getContentAsString()).startsWith("%PDF-");
	}

	@Test
	void anotherPartnersInvoiceIsNotFoundEvenUnderOurAddress() throws Exception {
		assertThat(open("/partners/" + PARTNER + "/factures/" + OTHERS).getStatus()).isEqualTo(404);
		assertThat(open("/partners/" + PARTNER + "/factures/" + OTHERS + ".pdf").getStatus()).isEqualTo(404);
		assertThat(open("/partners/" + UUID.randomUUID() + "/factures").getStatus()).isEqualTo(404);
		gateway.verify(0, getRequestedFor(urlPathEqualTo("/api/billing/v1/invoices/" + OTHERS + "/pdf")));
	}

	@Test
	void aManagerSeesTheStatementButNotTheInvoices() throws Exception {
		String html = text("/partners/" + MANAGED + "/factures?month=2027-01");
		assertThat(html).contains("Rien à facturer pour ce mois")
			.contains("visibles des rôles Propriétaire et Finance");
		gateway.verify(0, getRequestedFor(urlPathEqualTo("/api/billing/v1/partners/" + MANAGED + "/invoices")));
	}

}
