package com.worklib.booking.availability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.worklib.booking.BookingIT;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The employee's search: what is free for the whole slot asked for, at the price the
 * booking will have. Each test has its own city, so their workspaces never mix.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(BookingIT.Clocks.class)
@WithPostgres
@WithKafka
class AvailabilitySearchIT extends BookingIT {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	UUID employee = UUID.randomUUID();

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	LocalDate tomorrow(ZoneId zone) {
		return LocalDate.now(this.clock.withZone(zone)).plusDays(1);
	}

	ResultActions search(String city, LocalDate date, String from, String to, String... more) throws Exception {
		var request = get(API + "/availability/search").param("city", city)
			.param("date", date.toString())
			.param("from", from)
			.param("to", to);
		for (int i = 0; i < more.length; i += 2) {
			request.param(more[i], more[i + 1]);
		}
		return this.mvc.perform(request);
	}

	/** As the API writes it: the venue's offset, seconds always there. */
	static String wire(ZonedDateTime t) {
		return t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
	}

	void book(UUID workspace, ZonedDateTime start, ZonedDateTime end) throws Exception {
		this.mvc
			.perform(post(API + "/bookings").with(as(UUID.randomUUID(), "employee"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"workspaceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(workspace,
						start.toOffsetDateTime(), end.toOffsetDateTime())))
			.andExpect(status().isCreated());
	}

	@Test
	void aRoomTakenForPartOfTheSlotIsNotOfferedAndAFreeOneComesWithItsPrice() throws Exception {
		Venue venue = venueIn("Villeurbanne", "Europe/Paris", "08:00", "19:00");
		UUID taken = workspace(venue, "MEETING_ROOM", 8, "INSTANT", "HOUR", 3500);
		UUID free = workspace(venue, "MEETING_ROOM", 8, "REQUEST", "HOUR", 3500);
		LocalDate day = tomorrow(PARIS);
		book(taken, day.atTime(10, 0).atZone(PARIS), day.atTime(12, 0).atZone(PARIS));

		// no token: search is public
		search("villeurbanne", day, "09:00", "11:00").andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.items[0].workspace.workspaceId").value(free.toString()))
			.andExpect(jsonPath("$.items[0].workspace.bookingMode").value("REQUEST"))
			.andExpect(jsonPath("$.items[0].establishment.name").value("L'Atelier Presqu'île"))
			.andExpect(jsonPath("$.items[0].establishment.address.line1").value("12 rue de la République"))
			.andExpect(jsonPath("$.items[0].establishment.openingHoursThatDay[0].opens").value("08:00:00"))
			.andExpect(jsonPath("$.items[0].slot.start").value(wire(day.atTime(9, 0).atZone(PARIS))))
			.andExpect(jsonPath("$.items[0].slot.end").value(wire(day.atTime(11, 0).atZone(PARIS))))
			// 2 h × 35 € = 70 € HT, fee 15 % = 10,50 €, customer (70 + 10,50) × 1,2 =
			// 96,60 €
			.andExpect(jsonPath("$.items[0].customerPrice.quantity").value("2"))
			.andExpect(jsonPath("$.items[0].customerPrice.exclVat.amountMinor").value(8050))
			.andExpect(jsonPath("$.items[0].customerPrice.inclVat.amountMinor").value(9660))
			.andExpect(jsonPath("$.items[0].customerPrice.vatRateBps").value(2000))
			// cancelled late, the booker owes the partner's 70 € HT
			.andExpect(jsonPath("$.items[0].customerPrice.lateCancellationFee.amountMinor").value(7000))
			.andExpect(jsonPath("$.items[0].cancellation.freeUntil")
				.value(wire(day.minusDays(1).atTime(9, 0).atZone(PARIS))))
			.andExpect(jsonPath("$.items[0].remaining").doesNotExist());
		// the room taken from 10:00 is free from 08:00 to 10:00
		search("Villeurbanne", day, "08:00", "10:00").andExpect(jsonPath("$.page.totalElements").value(2));
	}

	@Test
	void desksAreOfferedWhileAPlaceIsLeftAndCancelledBookingsFreeTheirPlace() throws Exception {
		Venue venue = venueIn("Annecy", "Europe/Paris", "08:00", "19:00");
		UUID desks = workspace(venue, "DESK", 2, "INSTANT", "HOUR", 500);
		LocalDate day = tomorrow(PARIS);
		book(desks, day.atTime(9, 0).atZone(PARIS), day.atTime(10, 0).atZone(PARIS));
		search("annecy", day, "09:00", "11:00").andExpect(jsonPath("$.items[0].remaining").value(1));
		search("annecy", day, "09:00", "11:00", "capacity", "2").andExpect(jsonPath("$.page.totalElements").value(0));

		book(desks, day.atTime(10, 0).atZone(PARIS), day.atTime(11, 0).atZone(PARIS));
		search("annecy", day, "09:00", "11:00").andExpect(jsonPath("$.page.totalElements").value(0));
		search("annecy", day, "11:00", "12:00").andExpect(jsonPath("$.items[0].remaining").value(2));

		this.jdbc.sql("UPDATE booking SET status = 'CANCELLED' WHERE workspace_id = :w AND start_at = :s")
			.param("w", desks)
			.param("s", java.sql.Timestamp.from(day.atTime(10, 0).atZone(PARIS).toInstant()))
			.update();
		search("annecy", day, "09:00", "11:00").andExpect(jsonPath("$.items[0].remaining").value(1));
	}

	@Test
	void theCityMatchesWhateverTheAccentsAndCaseAndTheSlotIsInTheVenuesZone() throws Exception {
		Venue stEtienne = venueIn("Saint-Étienne", "Europe/Paris", "08:00", "19:00");
		UUID desk = workspace(stEtienne, "DESK", 5, "INSTANT", "HOUR", 500);
		LocalDate day = tomorrow(PARIS);
		for (String typed : new String[] { "saint etienne", "SAINT-ÉTIENNE", " Saint Etienne " }) {
			search(typed, day, "09:00", "11:00")
				.andExpect(jsonPath("$.items[*].workspace.workspaceId").value(containsInAnyOrder(desk.toString())));
		}
		ZoneId montreal = ZoneId.of("America/Toronto");
		Venue mtl = venueIn("Montréal", montreal.getId(), "08:00", "19:00");
		workspace(mtl, "DESK", 5, "INSTANT", "HOUR", 500);
		LocalDate there = tomorrow(montreal);
		search("montreal", there, "09:00", "11:00")
			.andExpect(jsonPath("$.items[0].establishment.timezone").value("America/Toronto"))
			.andExpect(jsonPath("$.items[0].slot.start").value(wire(there.atTime(9, 0).atZone(montreal))));
	}

	@Test
	void aSlotOutsideOpeningHoursOrInThePastIsSimplyNotOffered() throws Exception {
		Venue venue = venueIn("Chambéry", "Europe/Paris", "08:00", "19:00");
		workspace(venue, "MEETING_ROOM", 8, "INSTANT", "HOUR", 3500);
		LocalDate day = tomorrow(PARIS);
		search("chambery", day, "18:00", "20:00").andExpect(jsonPath("$.page.totalElements").value(0));
		search("chambery", day, "07:00", "09:00").andExpect(jsonPath("$.page.totalElements").value(0));
		search("chambery", day.minusDays(2), "09:00", "11:00").andExpect(jsonPath("$.page.totalElements").value(0));
		search("chambery", day, "09:00", "11:00").andExpect(jsonPath("$.page.totalElements").value(1));
		// the evening before, cancelling a 09:00 booking would cost its fee from the
		// start
		this.clock.set(day.minusDays(1).atTime(18, 0).atZone(PARIS).toInstant());
		search("chambery", day, "09:00", "11:00")
			.andExpect(jsonPath("$.items[0].cancellation.lateAlready").value(true));
		this.clock.set(day.minusDays(1).atTime(8, 0).atZone(PARIS).toInstant());
		search("chambery", day, "09:00", "11:00")
			.andExpect(jsonPath("$.items[0].cancellation.lateAlready").value(false));
	}

	@Test
	void halfDayAndDayWorkspacesOfferTheHalfOrTheDayThatCoversTheSlot() throws Exception {
		Venue venue = venueIn("Grenoble", "Europe/Paris", "08:00", "19:00");
		UUID office = workspace(venue, "PRIVATE_OFFICE", 4, "INSTANT", "HALF_DAY", 12000);
		UUID dayDesk = workspace(venue, "DESK", 10, "INSTANT", "DAY", 2200);
		LocalDate day = tomorrow(PARIS);
		// 08:00–19:00: the morning is 08:00–13:30
		search("grenoble", day, "09:00", "11:00", "type", "PRIVATE_OFFICE")
			.andExpect(jsonPath("$.items[0].workspace.workspaceId").value(office.toString()))
			.andExpect(jsonPath("$.items[0].slot.start").value(wire(day.atTime(8, 0).atZone(PARIS))))
			.andExpect(jsonPath("$.items[0].slot.end").value(wire(day.atTime(13, 30).atZone(PARIS))))
			.andExpect(jsonPath("$.items[0].customerPrice.unit").value("HALF_DAY"))
			.andExpect(jsonPath("$.items[0].customerPrice.quantity").value("1"));
		search("grenoble", day, "14:00", "18:00", "type", "PRIVATE_OFFICE")
			.andExpect(jsonPath("$.items[0].slot.start").value(wire(day.atTime(13, 30).atZone(PARIS))));
		// across the middle: no half day covers it
		search("grenoble", day, "12:00", "15:00", "type", "PRIVATE_OFFICE")
			.andExpect(jsonPath("$.page.totalElements").value(0));
		search("grenoble", day, "12:00", "15:00", "type", "DESK")
			.andExpect(jsonPath("$.items[0].workspace.workspaceId").value(dayDesk.toString()))
			.andExpect(jsonPath("$.items[0].slot.end").value(wire(day.atTime(19, 0).atZone(PARIS))))
			// 22 € + 15 % = 25,30 € HT, 30,36 € TTC
			.andExpect(jsonPath("$.items[0].customerPrice.inclVat.amountMinor").value(3036));
	}

	@Test
	void typeCapacityAndPagingNarrowTheList() throws Exception {
		Venue venue = venueIn("Valence", "Europe/Paris", "08:00", "19:00");
		UUID small = workspace(venue, "MEETING_ROOM", 4, "INSTANT", "HOUR", 3000);
		UUID big = workspace(venue, "MEETING_ROOM", 12, "INSTANT", "HOUR", 6000);
		UUID desk = workspace(venue, "DESK", 20, "INSTANT", "HOUR", 500);
		LocalDate day = tomorrow(PARIS);
		search("valence", day, "09:00", "11:00", "capacity", "10")
			.andExpect(jsonPath("$.items[*].workspace.workspaceId")
				.value(containsInAnyOrder(big.toString(), desk.toString())));
		search("valence", day, "09:00", "11:00", "type", "MEETING_ROOM")
			.andExpect(jsonPath("$.items[*].workspace.workspaceId").value(not(hasItem(desk.toString()))))
			.andExpect(jsonPath("$.page.totalElements").value(2));
		search("valence", day, "09:00", "11:00", "size", "1", "page", "1")
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.page.totalElements").value(3))
			.andExpect(jsonPath("$.page.totalPages").value(3));
		search("valence", day, "09:00", "11:00").andExpect(jsonPath("$.items[*].workspace.workspaceId")
			.value(containsInAnyOrder(small.toString(), big.toString(), desk.toString())));
		Venue other = venueIn("Valence", "Europe/Paris", "08:00", "19:00");
		UUID elsewhere = workspace(other, "DESK", 20, "INSTANT", "HOUR", 500);
		search("valence", day, "09:00", "11:00", "establishmentId", other.establishmentId().toString())
			.andExpect(jsonPath("$.items[*].workspace.workspaceId").value(containsInAnyOrder(elsewhere.toString())));
	}

	@Test
	void badQueriesNameTheFieldThatIsWrong() throws Exception {
		this.mvc.perform(get(API + "/availability/search"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("city", "date", "from", "to")));
		search("Lyon", tomorrow(PARIS), "11:00", "09:00").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("to")));
		search("Lyon", tomorrow(PARIS), "09:15", "nine", "type", "SOFA", "capacity", "0")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("from", "to", "type", "capacity")))
			.andExpect(jsonPath("$.errors[0].message")
				.value("must be on the hour or the half hour, such as 09:00 or 09:30"));
	}

	@Test
	void theOpenApiDocumentWalksAMobileClientThroughTheEmployeeFlowWithExamples() throws Exception {
		String doc = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(doc);
		String tag = com.worklib.booking.booking.web.EmployeeFlow.TAG;
		for (String[] op : new String[][] { { "/api/bookings/v1/availability/search", "get" },
				{ "/api/bookings/v1/bookings", "post" }, { "/api/bookings/v1/me/bookings", "get" },
				{ "/api/bookings/v1/bookings/{bookingId}/cancel", "post" },
				{ "/api/bookings/v1/bookings/{bookingId}/calendar.ics", "get" } }) {
			var operation = json.path("paths").path(op[0]).path(op[1]);
			org.assertj.core.api.Assertions.assertThat(operation.path("tags").toString()).as(op[0]).contains(tag);
			org.assertj.core.api.Assertions.assertThat(operation.path("summary").asString()).as(op[0]).isNotBlank();
		}
		org.assertj.core.api.Assertions.assertThat(doc).contains("lateCancellationFee").contains("Idempotency-Key");
	}

}
