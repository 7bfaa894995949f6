package com.worklib.web.partner.booking;

import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.worklib.platform.test.WithPostgres;
import com.worklib.web.PagesIT;
import com.worklib.web.StandInGateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * "Réservations" against a stand-in API: the request on top with the booker's address and
 * its expiry, the table's amounts as they will be invoiced, Confirmer answering with the
 * row alone for htmx, the CSV asked with the page's filters, a booking's three prices,
 * and another partner's booking refused.
 */
@SpringBootTest(properties = "WORKLIB_WEB_CLIENT_SECRET=test-only")
@AutoConfigureMockMvc
@WithPostgres
class BookingPagesIT extends PagesIT {

	static final UUID PARTNER = UUID.randomUUID();

	static final UUID ESTABLISHMENT = UUID.randomUUID();

	static final UUID ANNEX = UUID.randomUUID();

	static final UUID ROOM = UUID.randomUUID();

	static final UUID REQUEST = UUID.randomUUID();

	static final UUID CANCELLED = UUID.randomUUID();

	static WireMockServer gateway;

	static String booking(UUID id, UUID partner, String status, String booker, String fee) {
		return """
				{"bookingId":"%s","workspaceId":"%s","workspaceName":"Salle du Lac","establishmentId":"%s",
				 "partnerId":"%s","status":"%s","start":"2027-01-12T10:00:00+01:00","end":"2027-01-12T13:00:00+01:00",
				 "serviceDate":"2027-01-12","timezone":"Europe/Paris",
				 "price":{"unit":"HOUR","quantity":"3","unitPriceExclVat":{"amountMinor":1235,"currency":"EUR"},
				  "amountExclVat":{"amountMinor":3705,"currency":"EUR"},"vatRateBps":700,
				  "vatAmount":{"amountMinor":259,"currency":"EUR"},"amountInclVat":{"amountMinor":3964,"currency":"EUR"}},
				 %s "expiresAt":"2099-01-01T10:00:00+01:00","createdAt":"2026-12-01T10:00:00+01:00",
				 "booker":%s,"version":1}"""
			.formatted(id, ROOM, ESTABLISHMENT, partner, status,
					fee == null ? "" : "\"cancellationFee\":{\"amountMinor\":" + fee + ",\"currency\":\"EUR\"},",
					booker);
	}

	@BeforeAll
	static void api() {
		gateway = StandInGateway.start(Map.of(PARTNER, "MANAGER"), Map.of(PARTNER, "Atelier du Lac SAS"));
		gateway
			.stubFor(get(urlPathEqualTo("/api/venues/v1/partners/" + PARTNER + "/establishments")).willReturn(okJson("""
					{"items":[{"establishmentId":"%s","partnerId":"%s","name":"Atelier du Lac Annecy",
					 "timezone":"Europe/Paris","openingHours":[]},
					 {"establishmentId":"%s","partnerId":"%s","name":"Atelier du Lac Annexe",
					 "timezone":"Europe/Paris","openingHours":[]}]}""".formatted(ESTABLISHMENT, PARTNER, ANNEX,
					PARTNER))));
		gateway.stubFor(get(urlPathEqualTo("/api/venues/v1/establishments/" + ANNEX + "/workspaces")).willReturn(
				okJson("""
						{"items":[{"workspaceId":"%s","establishmentId":"%s","type":"DESK","name":"Open space","capacity":6,
						 "bookingMode":"INSTANT","price":{"unit":"DAY","amountExclVat":{"amountMinor":2200,"currency":"EUR"},
						 "vatRateBps":2000},"active":true}]}"""
					.formatted(UUID.randomUUID(), ANNEX))));
		String room = """
				{"workspaceId":"%s","establishmentId":"%s","type":"MEETING_ROOM","name":"Salle du Lac","capacity":8,
				 "bookingMode":"REQUEST","price":{"unit":"HOUR","amountExclVat":{"amountMinor":1500,"currency":"EUR"},
				 "vatRateBps":2000},"active":true}""".formatted(ROOM, ESTABLISHMENT);
		gateway.stubFor(get(urlPathEqualTo("/api/venues/v1/establishments/" + ESTABLISHMENT + "/workspaces"))
			.willReturn(okJson("{\"items\":[" + room + "]}")));
		gateway.stubFor(get("/api/venues/v1/workspaces/" + ROOM).willReturn(okJson(room)));
		String page = "{\"items\":[%s],\"page\":{\"number\":0,\"size\":25,\"totalElements\":%d,\"totalPages\":1}}";
		String request = booking(REQUEST, PARTNER, "REQUESTED",
				"{\"firstName\":\"Emma\",\"email\":\"emma@client.test\",\"company\":\"Acme Conseil\"}", null);
		String cancelled = booking(CANCELLED, PARTNER, "CANCELLED", "{\"firstName\":\"Enzo\"}", "3705");
		gateway.stubFor(get(urlPathEqualTo("/api/bookings/v1/partners/" + PARTNER + "/bookings"))
			.withHeader("Accept", equalTo("application/json"))
			.willReturn(okJson(page.formatted(request + "," + cancelled, 2))));
		gateway.stubFor(get(urlPathEqualTo("/api/bookings/v1/partners/" + PARTNER + "/bookings"))
			.withQueryParam("status", equalTo("REQUESTED"))
			.withHeader("Accept", equalTo("application/json"))
			.willReturn(okJson(page.formatted(request, 1))));
		gateway.stubFor(get(urlPathEqualTo("/api/bookings/v1/partners/" + PARTNER + "/bookings"))
			.withHeader("Accept", equalTo("text/csv"))
			.willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody("bookingId;serviceDate\r\n")));
		gateway.stubFor(post("/api/bookings/v1/bookings/" + REQUEST + "/confirm")
			.willReturn(okJson(booking(REQUEST, PARTNER, "CONFIRMED", "{\"firstName\":\"Emma\"}", null))));
		gateway.stubFor(get("/api/bookings/v1/bookings/" + CANCELLED).willReturn(okJson(cancelled)));
		gateway.stubFor(
				get(urlPathEqualTo("/api/billing/v1/partners/" + PARTNER + "/bookings/" + CANCELLED + "/invoice-lines"))
					.willReturn(
							okJson("""
									{"items":[{"invoiceId":"%s","number":"ATEL-2027-00001","month":"2027-01","line":{"lineNo":4,
									 "bookingId":"%s","serviceDate":"2027-01-12","workspaceName":"Salle du Lac","kind":"LATE_CANCELLATION",
									 "amountExclVat":{"amountMinor":3705,"currency":"EUR"},"vatRateBps":700}}]}"""
								.formatted(UUID.randomUUID(), CANCELLED))));
		UUID other = UUID.randomUUID();
		gateway.stubFor(get("/api/bookings/v1/bookings/" + other)
			.willReturn(okJson(booking(other, UUID.randomUUID(), "CONFIRMED", "null", null))));
	}

	@AfterAll
	static void stop() {
		gateway.stop();
	}

	@DynamicPropertySource
	static void gatewayUrl(DynamicPropertyRegistry registry) {
		registry.add("worklib.web.gateway-url", () -> gateway.baseUrl());
	}

	String page(String path) throws Exception {
		var response = open(path);
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	@Test
	void theTableShowsTheRequestOnTopAndAmountsAsTheyWillBeInvoiced() throws Exception {
		String html = page("/partners/" + PARTNER + "/reservations?from=2027-01-01&to=2027-01-31&status=bogus");
		String requests = html.substring(html.indexOf("Demandes en attente"), html.indexOf("Toutes les réservations"));
		// the request: who asked, with the address to write to, and how long is left
		assertThat(requests).contains("Emma · Acme Conseil")
			.contains("mailto:emma@client.test")
			.contains("expire dans");
		assertThat(requests).contains("Confirmer la demande Salle du Lac 12/01 10:00");
		// 12,35 € × 3 h = 37,05 € HT; the late cancellation is invoiced its fee
		String table = html.substring(html.indexOf("Toutes les réservations"));
		assertThat(table).contains("37,05\u00a0€ HT").contains("Enzo").doesNotContain("emma@client.test");
		assertThat(table).contains("Annulée");
		// with two establishments, each workspace of the filter says where it is
		assertThat(table).contains(">Atelier du Lac Annecy — Salle du Lac<")
			.contains(">Atelier du Lac Annexe — Open space<");
		// the filters the person chose travel to the API and to the CSV link; a bad
		// status is simply no filter
		gateway.verify(getRequestedFor(urlPathEqualTo("/api/bookings/v1/partners/" + PARTNER + "/bookings"))
			.withQueryParam("from", equalTo("2027-01-01"))
			.withQueryParam("to", equalTo("2027-01-31")));
		assertThat(table).contains("reservations.csv?from=2027-01-01&amp;to=2027-01-31");
		assertThat(table).doesNotContain("status=bogus");
	}

	@Test
	void confirmingWithHtmxAnswersTheUpdatedRowOnly() throws Exception {
		String row = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/partners/" + PARTNER + "/reservations/" + REQUEST + "/confirm")
				.header("HX-Request", "true")
				.with(signedIn())
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(row.trim()).startsWith("<tr");
		assertThat(row).contains("Confirmée").doesNotContain("Confirmer la demande").doesNotContain("<html");
	}

	@Test
	void theCsvIsTheApisForTheSameFilters() throws Exception {
		var response = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/partners/" + PARTNER + "/reservations.csv?from=2027-01-01&to=2027-01-31&workspaceId=" + ROOM)
				.with(signedIn()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains("attachment");
		assertThat(response.getContentAsString()).startsWith("bookingId;serviceDate");
		gateway.verify(getRequestedFor(urlPathEqualTo("/api/bookings/v1/partners/" + PARTNER + "/bookings"))
			.withHeader("Accept", equalTo("text/csv"))
			.withQueryParam("workspaceId", equalTo(ROOM.toString())));
	}

	@Test
	void aBookingShowsItsEnteredBookedAndInvoicedPrices() throws Exception {
		String html = page("/partners/" + PARTNER + "/reservations/" + CANCELLED);
		assertThat(html).contains("Prix saisi").contains("15,00\u00a0€ HT");
		assertThat(html).contains("Prix réservé").contains("3 h × 12,35\u00a0€ HT").contains("37,05\u00a0€ HT");
		assertThat(html).contains("Prix facturé").contains("Facture ATEL-2027-00001, ligne 4");
		// a cancelled booking cannot be cancelled again
		assertThat(html).doesNotContain("Confirmer l'annulation");
		// the mail's link opens the same page
		assertThat(page("/partners/" + PARTNER + "/bookings/" + CANCELLED)).contains("Facture ATEL-2027-00001");
	}

	@Test
	void anotherPartnersBookingIsNotFound() throws Exception {
		String other = gateway.getStubMappings()
			.stream()
			.map(m -> m.getRequest().getUrl())
			.filter(u -> u != null && u.startsWith("/api/bookings/v1/bookings/") && !u.contains(CANCELLED.toString())
					&& !u.contains(REQUEST.toString()))
			.findFirst()
			.orElseThrow()
			.substring("/api/bookings/v1/bookings/".length());
		assertThat(this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/partners/" + PARTNER + "/reservations/" + other)
				.with(signedIn()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/partners/" + UUID.randomUUID() + "/reservations")
				.with(signedIn()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

}
