package com.worklib.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.worklib.platform.test.WithPostgres;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every link a mail carries today opens a page of web, never a 404: the identity mails'
 * (verification, sign-up with the migration address, invitation, "account exists"), the
 * partner's booking, invoice and payout mails', and the booker's. The API behind the
 * gateway is a stand-in that knows one partner.
 */
@SpringBootTest(properties = "WORKLIB_WEB_CLIENT_SECRET=test-only")
@AutoConfigureMockMvc
@WithPostgres
class MailLinksIT extends PagesIT {

	static final UUID PARTNER = UUID.randomUUID();

	static final UUID BOOKING = UUID.randomUUID();

	static final UUID INVOICE = UUID.randomUUID();

	static WireMockServer gateway;

	@BeforeAll
	static void api() {
		gateway = StandInGateway.start(Map.of(PARTNER, "OWNER"), Map.of(PARTNER, "Atelier du Lac SAS"));
		UUID workspace = UUID.randomUUID();
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/bookings/v1/bookings/" + BOOKING)
			.willReturn(
					okJson("""
							{"bookingId":"%s","workspaceId":"%s","workspaceName":"Open space","partnerId":"%s","status":"CONFIRMED",
							 "start":"2027-01-12T08:00:00+01:00","end":"2027-01-12T19:00:00+01:00","serviceDate":"2027-01-12",
							 "price":{"unit":"DAY","quantity":"1","unitPriceExclVat":{"amountMinor":2200,"currency":"EUR"},
							 "amountExclVat":{"amountMinor":2200,"currency":"EUR"},"vatRateBps":2000,
							 "vatAmount":{"amountMinor":440,"currency":"EUR"},"amountInclVat":{"amountMinor":2640,"currency":"EUR"}},
							 "version":1}"""
						.formatted(BOOKING, workspace, PARTNER))));
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/venues/v1/workspaces/" + workspace)
			.willReturn(okJson("""
					{"workspaceId":"%s","type":"DESK","name":"Open space","capacity":6,"bookingMode":"INSTANT",
					 "price":{"unit":"DAY","amountExclVat":{"amountMinor":2200,"currency":"EUR"},"vatRateBps":2000},
					 "active":true}""".formatted(workspace))));
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(urlPathMatching("/api/billing/v1/partners/.*/invoice-lines"))
			.willReturn(okJson("{\"items\":[]}")));
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/billing/v1/invoices/" + INVOICE)
			.willReturn(okJson("""
					{"invoiceId":"%s","partnerId":"%s","month":"2027-01","number":"ATEL-2027-00001","type":"INVOICE",
					 "issuedAt":"2027-02-01T00:05:00Z","mandateVersion":"2026-12-v1","status":"ISSUED",
					 "seller":{"legalName":"Atelier du Lac SAS"},"lines":[],
					 "totals":{"exclVat":{"amountMinor":0,"currency":"EUR"},"vatByRate":[],
					  "vat":{"amountMinor":0,"currency":"EUR"},"inclVat":{"amountMinor":0,"currency":"EUR"}}}"""
				.formatted(INVOICE, PARTNER))));
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(urlPathMatching("/api/payments/v1/partners/.*/payouts"))
			.willReturn(okJson("{\"items\":[]}")));
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(urlPathMatching("/api/payments/v1/partners/.*/connected-account"))
			.willReturn(okJson("{\"status\":\"NONE\",\"payoutsEnabled\":false,\"requirementsDue\":[]}")));
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(urlPathMatching("/api/billing/v1/partners/.*/self-billing-mandate"))
			.willReturn(okJson("{\"currentVersion\":\"2026-11\",\"text\":{\"fr\":\"Mandat\",\"en\":\"Mandate\"}}")));
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(urlPathMatching("/api/billing/v1/partners/.*/billing-profile"))
			.willReturn(aResponse().withStatus(404)));
		gateway.stubFor(
				com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/api/bookings/v1/me/bookings"))
					.willReturn(okJson("{\"items\":[]}")));
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
	void everyMailLinkOpensAPage() throws Exception {
		List<String> links = List.of("/verify-email?token=abc", "/signup?email=odile%40lac.test",
				"/invitations/accept?token=abc", "/login", "/partners/" + PARTNER + "/bookings/" + BOOKING,
				"/partners/" + PARTNER + "/invoices/" + INVOICE, "/partners/" + PARTNER + "/payouts",
				"/bookings/" + BOOKING, "/bookings", "/search");
		for (String link : links) {
			MockHttpServletResponse response = this.mvc.perform(get(link).with(signedIn())).andReturn().getResponse();
			int hops = 0;
			while (response.getStatus() == 302 && hops++ < 3) {
				String next = response.getRedirectedUrl();
				assertThat(next).as(link).startsWith("/");
				response = this.mvc.perform(get(next).with(signedIn())).andReturn().getResponse();
			}
			assertThat(response.getStatus()).as(link).isEqualTo(200);
			assertThat(response.getContentAsString()).as(link).contains("<h1>").doesNotContain("Page introuvable");
		}
		// the booking mail's link opens the booking, in that partner's tabs
		assertThat(this.mvc.perform(get("/partners/" + PARTNER + "/bookings/" + BOOKING).with(signedIn()))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Pas encore facturé").contains("Atelier du Lac SAS");
	}

	@Test
	void anotherPartnersMailLinkIsTheNotFoundPage() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/partners/" + UUID.randomUUID() + "/invoices/" + UUID.randomUUID()).with(signedIn()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString()).contains("Page introuvable");
	}

}
