package com.worklib.web.employee;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
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
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The employees' pages against a stand-in API: the search's cards with the API's price,
 * its field errors next to the fields, the summary with the cancellation rule and a fresh
 * Idempotency-Key, a slot taken meanwhile with other slots proposed, "Mes réservations"
 * and a late cancellation that says its fee first.
 */
@SpringBootTest(properties = "WORKLIB_WEB_CLIENT_SECRET=test-only")
@AutoConfigureMockMvc
@WithPostgres
class EmployeePagesIT extends PagesIT {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final LocalDate DAY = LocalDate.now(PARIS).plusDays(7);

	static final UUID ESTABLISHMENT = UUID.randomUUID();

	static final UUID ROOM = UUID.randomUUID();

	static final UUID OTHER_ROOM = UUID.randomUUID();

	static final UUID BOOKED = UUID.randomUUID();

	static final UUID LATE = UUID.randomUUID();

	static WireMockServer gateway;

	static String offer(UUID workspace, String name, String mode, String start, String end) {
		return """
				{"workspace":{"workspaceId":"%s","type":"MEETING_ROOM","name":"%s","capacity":8,"bookingMode":"%s",
				 "priceUnit":"HOUR"},
				 "establishment":{"establishmentId":"%s","name":"L'Atelier Presqu'île","address":{"line1":"12 rue de la République",
				  "postalCode":"69002","city":"Lyon","country":"FR"},"timezone":"Europe/Paris",
				  "openingHoursThatDay":[{"opens":"08:00:00","closes":"19:00:00"}]},
				 "slot":{"start":"%sT%s:00+01:00","end":"%sT%s:00+01:00"},
				 "customerPrice":{"unit":"HOUR","quantity":"2","exclVat":{"amountMinor":8050,"currency":"EUR"},"vatRateBps":2000,
				  "inclVat":{"amountMinor":9660,"currency":"EUR"},"lateCancellationFee":{"amountMinor":7000,"currency":"EUR"}},
				 "cancellation":{"freeUntil":"%sT%s:00+01:00","lateAlready":false}}"""
			.formatted(workspace, name, mode, ESTABLISHMENT, DAY, start, DAY, end, DAY.minusDays(1), start);
	}

	static String page(String... items) {
		return "{\"items\":[" + String.join(",", items) + "],\"page\":{\"number\":0,\"size\":10,\"totalElements\":"
				+ items.length + ",\"totalPages\":1}}";
	}

	static String myBooking(UUID id, String status, String start, String end, String freeUntil, boolean late) {
		return """
				{"bookingId":"%s","workspaceId":"%s","workspaceName":"Salle Fourvière","establishmentId":"%s",
				 "status":"%s","start":"%s","end":"%s","serviceDate":"%s","timezone":"Europe/Paris",
				 "price":{"unit":"HOUR","quantity":"2","amountExclVat":{"amountMinor":7000,"currency":"EUR"},"vatRateBps":2000,
				  "platformFee":{"amountMinor":1050,"currency":"EUR"},"customerAmountInclVat":{"amountMinor":9660,"currency":"EUR"}},
				 "place":{"establishmentName":"L'Atelier Presqu'île","address":{"line1":"12 rue de la République",
				  "postalCode":"69002","city":"Lyon","country":"FR"},"phone":"+33472000000","accessInstructions":"3e étage, code 4812B"},
				 "cancellation":{"freeUntil":"%s","lateFee":{"amountMinor":7000,"currency":"EUR"}%s}}"""
			.formatted(id, ROOM, ESTABLISHMENT, status, start, end, start.substring(0, 10), freeUntil,
					late ? ",\"feeNow\":{\"amountMinor\":7000,\"currency\":\"EUR\"}" : "");
	}

	@BeforeAll
	static void api() {
		gateway = StandInGateway.start(Map.of(), Map.of());
		StandInGateway.me(gateway, Map.of(), "employee");
		gateway.stubFor(WireMock.get(urlPathEqualTo("/api/bookings/v1/availability/search"))
			.willReturn(okJson(page(offer(ROOM, "Salle Fourvière", "REQUEST", "09:00", "11:00"),
					offer(OTHER_ROOM, "Salle Bellecour", "INSTANT", "09:00", "11:00")))));
		gateway.stubFor(WireMock.get(urlPathEqualTo("/api/bookings/v1/availability/search"))
			.withQueryParam("to", equalTo("08:00"))
			.willReturn(StandInGateway.problem(400, "validation",
					"\"errors\":[{\"field\":\"to\",\"message\":\"must be after from\"}]")));
		gateway.stubFor(WireMock.get("/api/venues/v1/workspaces/" + ROOM).willReturn(okJson("""
				{"workspaceId":"%s","establishmentId":"%s","type":"MEETING_ROOM","name":"Salle Fourvière","capacity":8,
				 "bookingMode":"REQUEST","price":{"unit":"HOUR","amountExclVat":{"amountMinor":4025,"currency":"EUR"},
				 "vatRateBps":2000},"active":true}""".formatted(ROOM, ESTABLISHMENT))));
		gateway.stubFor(WireMock.get("/api/venues/v1/establishments/" + ESTABLISHMENT)
			.willReturn(
					okJson("""
							{"establishmentId":"%s","partnerId":"%s","name":"L'Atelier Presqu'île","address":{"line1":"12 rue de la République",
							 "postalCode":"69002","city":"Lyon","country":"FR"},"timezone":"Europe/Paris",
							 "openingHours":[{"dayOfWeek":"MONDAY","opens":"08:00","closes":"19:00"}]}"""
						.formatted(ESTABLISHMENT, UUID.randomUUID()))));
		String booked = myBooking(BOOKED, "REQUESTED", DAY + "T09:00:00+01:00", DAY + "T11:00:00+01:00",
				DAY.minusDays(1) + "T09:00:00+01:00", false);
		gateway.stubFor(WireMock.post("/api/bookings/v1/bookings")
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(booked)));
		gateway.stubFor(WireMock.get("/api/bookings/v1/bookings/" + BOOKED).willReturn(okJson(booked)));
		// starts in two hours: cancelling it now is late
		var soon = java.time.ZonedDateTime.now(PARIS).plusHours(2).withMinute(0).withSecond(0).withNano(0);
		String late = myBooking(LATE, "CONFIRMED", soon.toOffsetDateTime().toString(),
				soon.plusHours(2).toOffsetDateTime().toString(), soon.minusDays(1).toOffsetDateTime().toString(), true);
		gateway.stubFor(WireMock.get("/api/bookings/v1/bookings/" + LATE).willReturn(okJson(late)));
		String past = myBooking(UUID.randomUUID(), "CANCELLED", "2026-01-05T09:00:00+01:00",
				"2026-01-05T11:00:00+01:00", "2026-01-04T09:00:00+01:00", false);
		gateway.stubFor(WireMock.get(urlPathEqualTo("/api/venues/v1/establishments/" + ESTABLISHMENT + "/workspaces"))
			.willReturn(okJson("""
					{"items":[{"workspaceId":"%s","establishmentId":"%s","type":"MEETING_ROOM","name":"Salle Fourvière",
					 "capacity":8,"bookingMode":"REQUEST","price":{"unit":"HOUR","amountExclVat":{"amountMinor":4025,
					 "currency":"EUR"},"vatRateBps":2000},"active":true}]}""".formatted(ROOM, ESTABLISHMENT))));
		gateway.stubFor(WireMock.get(urlPathEqualTo("/api/bookings/v1/workspaces/" + ROOM + "/availability"))
			.willReturn(okJson("""
					{"date":"%s","timezone":"Europe/Paris","openingHours":[{"opens":"08:00:00","closes":"12:00:00"}],
					 "busy":[{"start":"%sT09:00:00+01:00","end":"%sT10:30:00+01:00"}],"remainingCapacity":[]}"""
				.formatted(DAY, DAY, DAY))));
		gateway.stubFor(WireMock.get(urlPathEqualTo("/api/bookings/v1/me/bookings"))
			.willReturn(okJson("{\"items\":[" + booked + "," + late + "," + past + "]}")));
		gateway.stubFor(WireMock.get("/api/bookings/v1/bookings/" + BOOKED + "/calendar.ics")
			.willReturn(aResponse().withHeader("Content-Type", "text/calendar")
				.withBody("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n")));
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
	void aVisitorSearchesAndSeesWhatIsFreeWithThePriceItWillCost() throws Exception {
		var response = this.mvc
			.perform(get("/search").param("city", "Lyon")
				.param("date", DAY.toString())
				.param("from", "09:00")
				.param("to", "11:00"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString();
		assertThat(html).contains("2 espace(s) libre(s) à Lyon")
			.contains("Salle Fourvière")
			.contains("96,60\u00a0€ TTC")
			.contains("Sur demande : le partenaire a 72 h pour répondre")
			.contains("Réservation immédiate")
			.contains("/book?workspaceId=" + ROOM + "&amp;date=" + DAY + "&amp;from=09:00&amp;to=11:00");
		// booking needs an account: the summary sends a visitor to the login page
		assertThat(this.mvc
			.perform(get("/book").param("workspaceId", ROOM.toString())
				.param("date", DAY.toString())
				.param("from", "09:00")
				.param("to", "11:00"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
	}

	@Test
	void theApisFieldErrorsShowNextToTheFieldAndKeepWhatWasTyped() throws Exception {
		String html = text("/search?city=Lyon&date=" + DAY + "&from=09:00&to=08:00");
		assertThat(html).contains("id=\"to\"").contains("aria-invalid=\"true\"");
		assertThat(html.substring(html.indexOf("id=\"to\""))).contains("must be after from");
		assertThat(html).contains("value=\"Lyon\"");
		// the date input shows the date asked, as a date input reads it
		assertThat(html).contains("value=\"" + DAY + "\"");
	}

	@Test
	void theSummaryShowsThePriceTheCancellationRuleAndBooksOnceWithItsKey() throws Exception {
		String html = text("/book?workspaceId=" + ROOM + "&date=" + DAY + "&from=09:00&to=11:00");
		assertThat(html).contains("96,60\u00a0€ TTC")
			.contains("80,50\u00a0€ HT + 16,10\u00a0€ de TVA")
			.contains("ensuite, les frais d'annulation sont de 70,00\u00a0€ HT")
			.contains("le partenaire a 72 h pour répondre")
			.contains("Envoyer la demande");
		String key = html.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
		assertThat(key).hasSize(36);
		// a second rendering is a second form: its own key
		assertThat(text("/book?workspaceId=" + ROOM + "&date=" + DAY + "&from=09:00&to=11:00")).doesNotContain(key);

		var booked = this.mvc
			.perform(post("/book").with(signedIn())
				.with(csrf())
				.param("workspaceId", ROOM.toString())
				.param("date", DAY.toString())
				.param("from", "09:00")
				.param("to", "11:00")
				.param("start", DAY + "T09:00:00+01:00")
				.param("end", DAY + "T11:00:00+01:00")
				.param("idempotencyKey", key))
			.andReturn()
			.getResponse();
		assertThat(booked.getRedirectedUrl()).isEqualTo("/bookings/" + BOOKED + "?new");
		gateway.verify(postRequestedFor(urlPathEqualTo("/api/bookings/v1/bookings")).withHeader("Idempotency-Key",
				equalTo(key)));
		assertThat(text("/bookings/" + BOOKED + "?new")).contains("Votre demande est envoyée")
			.contains("3e étage, code 4812B")
			.contains("tel:+33472000000");
	}

	@Test
	void aSlotTakenMeanwhileSaysSoAndProposesOtherFreeSlots() throws Exception {
		UUID key = UUID.randomUUID();
		gateway.stubFor(WireMock.post("/api/bookings/v1/bookings")
			.withHeader("Idempotency-Key", equalTo(key.toString()))
			.willReturn(StandInGateway.problem(409, "slot-taken", "\"detail\":\"This slot is already taken\"")));
		var response = this.mvc
			.perform(post("/book").with(signedIn())
				.with(csrf())
				.param("workspaceId", ROOM.toString())
				.param("date", DAY.toString())
				.param("from", "09:00")
				.param("to", "11:00")
				.param("start", DAY + "T09:00:00+01:00")
				.param("end", DAY + "T11:00:00+01:00")
				.param("idempotencyKey", key.toString()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = org.springframework.web.util.HtmlUtils.htmlUnescape(response.getContentAsString());
		assertThat(html).contains("Ce créneau vient d'être pris.")
			.contains("Autres possibilités")
			.contains("Salle Bellecour (L'Atelier Presqu'île), 09:00 – 11:00")
			.doesNotContain("value=\"" + key + "\"");
	}

	@Test
	void myBookingsSplitUpcomingFromPastAndALateCancellationShowsItsFeeFirst() throws Exception {
		String html = text("/bookings");
		String upcoming = html.substring(html.indexOf("À venir"), html.indexOf("Passées"));
		assertThat(upcoming).contains("En attente").contains("Confirmée").contains("Ajouter à mon agenda");
		assertThat(html.substring(html.indexOf("Passées"))).contains("Annulée");

		String cancel = text("/bookings/" + LATE + "/annuler");
		assertThat(cancel)
			.contains("Moins de 24 h avant le début, cette annulation vous sera facturée 70,00\u00a0€ HT.")
			.contains("Confirmer l'annulation");
		assertThat(text("/bookings/" + BOOKED + "/annuler")).contains("L'annulation est gratuite jusqu'au")
			.doesNotContain("facturée");

		var ics = open("/bookings/" + BOOKED + "/calendar.ics");
		assertThat(ics.getContentType()).startsWith("text/calendar");
		assertThat(ics.getHeader("Content-Disposition")).contains("worklib-" + BOOKED + ".ics");
		assertThat(ics.getContentAsString()).contains("METHOD:REQUEST");
	}

	@Test
	void anEstablishmentsDayShowsEachHalfHourTakenOrFree() throws Exception {
		var response = this.mvc.perform(get("/places/" + ESTABLISHMENT).param("date", DAY.toString()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = org.springframework.web.util.HtmlUtils.htmlUnescape(response.getContentAsString());
		String day = html.substring(html.indexOf("Journée de Salle Fourvière"), html.indexOf("</ol>"));
		// 08:00-12:00, taken from 09:00 to 10:30: 8 cells, 3 taken
		assertThat(day.split("<li ", -1)).hasSize(9);
		assertThat(day.split("class=\"taken\"", -1)).hasSize(4);
		assertThat(day.indexOf("09:00")).isLessThan(day.indexOf("occupé"));
	}

}
