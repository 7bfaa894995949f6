package com.worklib.booking.calendar;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.worklib.booking.BookingIT;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Calendar files as a calendar app reads them back (ical4j's parser), and the partner's
 * feed: who may read what, and a rotated URL that stops answering.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(BookingIT.Clocks.class)
@WithPostgres
@WithKafka
class CalendarIT extends BookingIT {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	UUID emma = UUID.randomUUID();

	UUID manager = UUID.randomUUID();

	UUID finance = UUID.randomUUID();

	UUID otherManager = UUID.randomUUID();

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	RequestPostProcessor emma() {
		return jwt().jwt(j -> j.subject(this.emma.toString())
			.claim("email", "emma@acme.test")
			.claim("given_name", "Emma")
			.claim("realm_access", Map.of("roles", List.of("employee"))));
	}

	String book(UUID workspace, ZonedDateTime start, ZonedDateTime end) throws Exception {
		return this.mvc
			.perform(post(API + "/bookings").with(emma())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"workspaceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(workspace,
						start.toOffsetDateTime(), end.toOffsetDateTime())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"bookingId\":\"([^\"]+)\".*", "$1");
	}

	String ics(String bookingId, RequestPostProcessor who) throws Exception {
		return this.mvc.perform(get(API + "/bookings/" + bookingId + "/calendar.ics").with(who))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"worklib-" + bookingId + ".ics\""))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Content lines as written before RFC 5545 folded them at 75 octets. */
	static String unfold(String ics) {
		return ics.replaceAll("\r?\n[ \t]", "");
	}

	static Calendar parse(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics));
	}

	static VEvent event(Calendar calendar) {
		return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
	}

	static String prop(VEvent event, String name) {
		return event.getProperty(name).orElseThrow().getValue();
	}

	@Test
	void theBookersFileIsAnInvitationInTheVenuesZoneThatACancellationReplaces() throws Exception {
		Venue venue = venue();
		UUID room = workspace(venue, "MEETING_ROOM", 8, "INSTANT", "HOUR", 3500);
		member(venue.partnerId(), this.manager, "MANAGER");
		LocalDate day = LocalDate.now(this.clock.withZone(PARIS)).plusDays(3);
		String id = book(room, day.atTime(9, 0).atZone(PARIS), day.atTime(11, 0).atZone(PARIS));

		this.mvc.perform(get(API + "/bookings/" + id).with(emma()))
			.andExpect(jsonPath("$.cancellation.freeUntil").value(day.minusDays(1)
				.atTime(9, 0)
				.atZone(PARIS)
				.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"))))
			.andExpect(jsonPath("$.cancellation.lateFee.amountMinor").value(7000))
			.andExpect(jsonPath("$.cancellation.feeNow").doesNotExist());
		// the day before, after 09:00: cancelling now costs the fee
		this.clock.set(day.minusDays(1).atTime(9, 30).atZone(PARIS).toInstant());
		this.mvc.perform(get(API + "/bookings/" + id).with(emma()))
			.andExpect(jsonPath("$.cancellation.feeNow.amountMinor").value(7000));
		this.clock.reset();
		this.mvc.perform(get(API + "/bookings/" + id).with(as(this.manager, "partner")))
			.andExpect(jsonPath("$.cancellation").doesNotExist());

		Calendar confirmed = parse(ics(id, emma()));
		assertThat(confirmed.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
		VTimeZone zone = confirmed.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
		assertThat(zone.getProperty("TZID").orElseThrow().getValue()).isEqualTo("Europe/Paris");
		VEvent event = event(confirmed);
		assertThat(prop(event, "UID")).isEqualTo(id + "@worklib");
		assertThat(prop(event, "STATUS")).isEqualTo("CONFIRMED");
		assertThat(prop(event, "SEQUENCE")).isEqualTo("1");
		assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
			.isEqualTo("Europe/Paris");
		assertThat(prop(event, "DTSTART")).isEqualTo(day.atTime(9, 0).format(ICS_LOCAL));
		assertThat(prop(event, "DTEND")).isEqualTo(day.atTime(11, 0).format(ICS_LOCAL));
		assertThat(prop(event, "LOCATION")).isEqualTo("L'Atelier Presqu'île, 12 rue de la République, 69002 Lyon");
		assertThat(prop(event, "DESCRIPTION")).contains("Accès / Access : 3e étage, code 4812B")
			.contains("Contact : +33472000000")
			.contains("/bookings/" + id);
		assertThat(prop(event, "ATTENDEE")).isEqualTo("mailto:emma@acme.test");
		assertThat(prop(event, "ORGANIZER")).startsWith("mailto:");

		this.mvc.perform(post(API + "/bookings/" + id + "/cancel").with(emma())).andExpect(status().isOk());
		Calendar cancelled = parse(ics(id, emma()));
		assertThat(cancelled.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
		VEvent gone = event(cancelled);
		assertThat(prop(gone, "UID")).isEqualTo(id + "@worklib");
		assertThat(prop(gone, "STATUS")).isEqualTo("CANCELLED");
		assertThat(Integer.parseInt(prop(gone, "SEQUENCE"))).isGreaterThan(1);

		// the booking's page for the booker says where and how to get in
		this.mvc.perform(get(API + "/bookings/" + id).with(emma()))
			.andExpect(jsonPath("$.place.establishmentName").value("L'Atelier Presqu'île"))
			.andExpect(jsonPath("$.place.address.postalCode").value("69002"))
			.andExpect(jsonPath("$.place.phone").value("+33472000000"))
			.andExpect(jsonPath("$.place.accessInstructions").value("3e étage, code 4812B"))
			// cancelled: nothing left to cancel
			.andExpect(jsonPath("$.cancellation").doesNotExist());
	}

	static final java.time.format.DateTimeFormatter ICS_LOCAL = java.time.format.DateTimeFormatter
		.ofPattern("yyyyMMdd'T'HHmmss");

	@Test
	void membersGetAPublishedEventWithoutTheBookersAddressAndOthersNothing() throws Exception {
		Venue venue = venue();
		UUID room = workspace(venue, "MEETING_ROOM", 8, "INSTANT", "HOUR", 3500);
		member(venue.partnerId(), this.manager, "MANAGER");
		Venue other = venue();
		member(other.partnerId(), this.otherManager, "MANAGER");
		LocalDate day = LocalDate.now(this.clock.withZone(PARIS)).plusDays(4);
		String id = book(room, day.atTime(14, 0).atZone(PARIS), day.atTime(15, 0).atZone(PARIS));

		String forPartner = ics(id, as(this.manager, "partner"));
		assertThat(parse(forPartner).getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
		assertThat(prop(event(parse(forPartner)), "SUMMARY")).contains("Emma");
		assertThat(unfold(forPartner)).doesNotContain("emma@acme.test").doesNotContain("ATTENDEE");

		this.mvc.perform(get(API + "/bookings/" + id + "/calendar.ics").with(as(this.otherManager, "partner")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(API + "/bookings/" + id + "/calendar.ics").with(as(UUID.randomUUID(), "employee")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(API + "/bookings/" + id + "/calendar.ics")).andExpect(status().isUnauthorized());
		// notification-service's account attaches the booker's file to the mails
		String forMail = ics(id, as(UUID.randomUUID(), "booking-calendars"));
		assertThat(parse(forMail).getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
		assertThat(unfold(forMail)).contains("emma@acme.test");
	}

	@Test
	void theFeedListsTheEstablishmentsHeldBookingsUntilItsUrlIsRotated() throws Exception {
		Venue venue = venue();
		UUID room = workspace(venue, "MEETING_ROOM", 8, "INSTANT", "HOUR", 3500);
		UUID onRequest = workspace(venue, "MEETING_ROOM", 8, "REQUEST", "HOUR", 3500);
		member(venue.partnerId(), this.manager, "MANAGER");
		member(venue.partnerId(), this.finance, "FINANCE");
		Venue other = venue();
		member(other.partnerId(), this.otherManager, "MANAGER");
		LocalDate day = LocalDate.now(this.clock.withZone(PARIS)).plusDays(5);
		String kept = book(room, day.atTime(9, 0).atZone(PARIS), day.atTime(10, 0).atZone(PARIS));
		String requested = book(onRequest, day.atTime(9, 0).atZone(PARIS), day.atTime(10, 0).atZone(PARIS));
		String cancelled = book(room, day.atTime(11, 0).atZone(PARIS), day.atTime(12, 0).atZone(PARIS));
		this.mvc.perform(post(API + "/bookings/" + cancelled + "/cancel").with(emma())).andExpect(status().isOk());
		String feedsOf = API + "/establishments/" + venue.establishmentId() + "/calendar-feed";

		String url = this.mvc.perform(get(feedsOf).with(as(this.finance, "partner")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.url").value(
					org.hamcrest.Matchers.matchesPattern("http://[^/]+/api/bookings/v1/feeds/[A-Za-z0-9_-]{43}\\.ics")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"url\":\"[^\"]*(/api/bookings/v1/feeds/[^\"]+)\".*", "$1");
		// asking again gives the same URL
		this.mvc.perform(get(feedsOf).with(as(this.manager, "partner")))
			.andExpect(jsonPath("$.url").value(org.hamcrest.Matchers.endsWith(url)));

		String feed = this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> uids = parse(feed).<VEvent>getComponents("VEVENT").stream().map(e -> prop(e, "UID")).toList();
		assertThat(uids).containsExactlyInAnyOrder(kept + "@worklib", requested + "@worklib");
		assertThat(unfold(feed)).doesNotContain("emma@acme.test")
			.contains("X-WR-CALNAME:Worklib — L'Atelier Presqu'île");

		this.mvc.perform(get(feedsOf).with(as(this.otherManager, "partner"))).andExpect(status().isNotFound());
		this.mvc.perform(post(feedsOf).with(as(this.otherManager, "partner"))).andExpect(status().isNotFound());
		this.mvc.perform(post(feedsOf).with(as(this.finance, "partner"))).andExpect(status().isForbidden());
		this.mvc.perform(get(url)).andExpect(status().isOk());

		String rotated = this.mvc.perform(post(feedsOf).with(as(this.manager, "partner")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"url\":\"[^\"]*(/api/bookings/v1/feeds/[^\"]+)\".*", "$1");
		assertThat(rotated).isNotEqualTo(url);
		this.mvc.perform(get(url)).andExpect(status().isNotFound());
		this.mvc.perform(get(rotated)).andExpect(status().isOk());
		this.mvc.perform(get(API + "/feeds/not-a-secret.ics")).andExpect(status().isNotFound());
	}

	@Test
	void aFeedIsMadeOfTheBookingsOfTheLast30AndNext180Days() throws Exception {
		Venue venue = venue();
		UUID desk = workspace(venue, "DESK", 5, "INSTANT", "HOUR", 500);
		member(venue.partnerId(), this.manager, "MANAGER");
		LocalDate today = LocalDate.now(this.clock.withZone(PARIS));
		String soon = book(desk, today.plusDays(1).atTime(9, 0).atZone(PARIS),
				today.plusDays(1).atTime(10, 0).atZone(PARIS));
		String far = book(desk, today.plusDays(200).atTime(9, 0).atZone(PARIS),
				today.plusDays(200).atTime(10, 0).atZone(PARIS));
		String url = this.mvc
			.perform(get(API + "/establishments/" + venue.establishmentId() + "/calendar-feed")
				.with(as(this.manager, "partner")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"url\":\"[^\"]*(/api/bookings/v1/feeds/[^\"]+)\".*", "$1");
		String feed = this.mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
		assertThat(unfold(feed)).contains(soon + "@worklib").doesNotContain(far + "@worklib");
		// 40 days later the first one is more than 30 days old and the second within 180
		this.clock.set(today.plusDays(41).atTime(LocalDateTime.MIN.toLocalTime()).atZone(PARIS).toInstant());
		String later = this.mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
		assertThat(unfold(later)).doesNotContain(soon + "@worklib").contains(far + "@worklib");
	}

}
