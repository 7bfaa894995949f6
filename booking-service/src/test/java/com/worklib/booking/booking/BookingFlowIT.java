package com.worklib.booking.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.worklib.booking.BookingIT;
import com.worklib.contracts.EventTypes;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.venue.WorkspacePayload;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bookings as employees and partners use them, through the API. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(BookingIT.Clocks.class)
@WithPostgres
@WithKafka
class BookingFlowIT extends BookingIT {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	BookingService bookings;

	@Autowired
	Bookers bookers;

	@Autowired
	org.springframework.kafka.core.KafkaTemplate<String, String> kafka;

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	UUID employee = UUID.randomUUID();

	UUID manager = UUID.randomUUID();

	UUID otherPartnersManager = UUID.randomUUID();

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	RequestPostProcessor employee() {
		return as(this.employee, "employee");
	}

	RequestPostProcessor manager() {
		return as(this.manager, "partner", "employee");
	}

	ZonedDateTime inDays(int days, int hour) {
		return LocalDate.now(this.clock.withZone(PARIS)).plusDays(days).atTime(hour, 0).atZone(PARIS);
	}

	ResultActions book(UUID workspace, ZonedDateTime start, ZonedDateTime end, String key) throws Exception {
		var request = post(API + "/bookings").with(employee())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"workspaceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(workspace,
					start.toOffsetDateTime(), end.toOffsetDateTime()));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.mvc.perform(request);
	}

	String id(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString().replaceAll(".*\"bookingId\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void anInstantBookingIsConfirmedWithItsPriceSnapshotAndAnEvent() throws Exception {
		Venue venue = venue();
		UUID room = workspace(venue, "MEETING_ROOM", 8, "INSTANT", "HOUR", 3500);
		String id = id(book(room, inDays(3, 9), inDays(3, 11).plusMinutes(30), null).andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.serviceDate").value(inDays(3, 9).toLocalDate().toString()))
			.andExpect(jsonPath("$.price.quantity").value("2.5"))
			.andExpect(jsonPath("$.price.amountExclVat.amountMinor").value(8750))
			.andExpect(jsonPath("$.price.amountInclVat.amountMinor").value(10500))
			.andExpect(jsonPath("$.price.customerAmountInclVat.amountMinor").value(12076))
			.andExpect(jsonPath("$.createdAt").isNotEmpty())
			.andExpect(jsonPath("$.updatedAt").isNotEmpty()));
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE ce_type = :t AND ce_subject = :s")
			.param("t", EventTypes.BOOKING_CONFIRMED)
			.param("s", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		// the same slot again
		book(room, inDays(3, 10), inDays(3, 11), null).andExpect(status().isConflict());
	}

	@Test
	void theSameIdempotencyKeyReturnsTheFirstBookingAndADifferentBodyIsRefused() throws Exception {
		UUID desk = workspace(venue(), "DESK", 5, "INSTANT", "HOUR", 450);
		String first = id(book(desk, inDays(2, 9), inDays(2, 10), "key-1").andExpect(status().isCreated()));
		String again = id(book(desk, inDays(2, 9), inDays(2, 10), "key-1").andExpect(status().isCreated()));
		assertThat(again).isEqualTo(first);
		assertThat(this.jdbc.sql("SELECT count(*) FROM booking WHERE workspace_id = :w")
			.param("w", desk)
			.query(Long.class)
			.single()).isEqualTo(1);
		book(desk, inDays(2, 10), inDays(2, 11), "key-1").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("This Idempotency-Key was already used with a different request"));
	}

	@Autowired
	com.worklib.platform.retention.Retention retention;

	/** A key protects a client's retries for a week; after that it books anew. */
	@Test
	void anIdempotencyKeyIsKeptAWeek() throws Exception {
		UUID desk = workspace(venue(), "DESK", 5, "INSTANT", "HOUR", 450);
		String key = "week-" + UUID.randomUUID();
		String first = id(book(desk, inDays(2, 9), inDays(2, 10), key).andExpect(status().isCreated()));
		this.retention.run();
		assertThat(id(book(desk, inDays(2, 9), inDays(2, 10), key))).isEqualTo(first);
		this.jdbc.sql("UPDATE idempotency_key SET created_at = created_at - interval '8 days' WHERE key = :k")
			.param("k", key)
			.update();
		this.retention.run();
		assertThat(this.jdbc.sql("SELECT count(*) FROM idempotency_key WHERE key = :k")
			.param("k", key)
			.query(Long.class)
			.single()).isZero();
		assertThat(id(book(desk, inDays(2, 9), inDays(2, 10), key).andExpect(status().isCreated())))
			.isNotEqualTo(first);
	}

	@Test
	void aRequestIsConfirmedOnceByAManagerAndIllegalTransitionsAre409() throws Exception {
		Venue venue = venue();
		member(venue.partnerId(), this.manager, "MANAGER");
		UUID room = workspace(venue, "MEETING_ROOM", 8, "REQUEST", "HOUR", 3500);
		String id = id(
				book(room, inDays(5, 9), inDays(5, 10), null).andExpect(jsonPath("$.status").value("REQUESTED")));
		// a request blocks the slot
		book(room, inDays(5, 9), inDays(5, 10), null).andExpect(status().isConflict());
		// the booker cannot answer their own request
		this.mvc.perform(post(API + "/bookings/" + id + "/confirm").with(employee())).andExpect(status().isForbidden());
		this.mvc.perform(post(API + "/bookings/" + id + "/confirm").with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.price.customerAmountInclVat").doesNotExist());
		this.mvc.perform(post(API + "/bookings/" + id + "/confirm").with(manager())).andExpect(status().isConflict());
		this.mvc
			.perform(post(API + "/bookings/" + id + "/decline").with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"full\"}"))
			.andExpect(status().isConflict());
		this.mvc.perform(post(API + "/bookings/" + id + "/cancel").with(manager())).andExpect(status().isOk());
		this.mvc.perform(post(API + "/bookings/" + id + "/cancel").with(employee())).andExpect(status().isConflict());
	}

	@Test
	void anUnansweredRequestExpiresAfter72HoursAndFreesTheSlot() throws Exception {
		UUID room = workspace(venue(), "MEETING_ROOM", 8, "REQUEST", "HOUR", 3500);
		String id = id(book(room, inDays(10, 9), inDays(10, 10), null));
		this.bookings.expireDue(100);
		this.mvc.perform(get(API + "/bookings/" + id).with(employee()))
			.andExpect(jsonPath("$.status").value("REQUESTED"));
		this.clock.set(this.clock.instant().plus(Duration.ofHours(72)).plusSeconds(1));
		// other tests' requests in this database may expire too
		assertThat(this.bookings.expireDue(100)).isGreaterThanOrEqualTo(1);
		this.mvc.perform(get(API + "/bookings/" + id).with(employee()))
			.andExpect(jsonPath("$.status").value("EXPIRED"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE ce_type = :t AND ce_subject = :s")
			.param("t", EventTypes.BOOKING_EXPIRED)
			.param("s", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		book(room, inDays(10, 9), inDays(10, 10), null).andExpect(status().isCreated());
	}

	@Test
	void aRequestForTomorrowExpiresAtItsStartIfNobodyAnswers() throws Exception {
		UUID room = workspace(venue(), "MEETING_ROOM", 8, "REQUEST", "HOUR", 3500);
		ZonedDateTime start = inDays(1, 15);
		String id = id(book(room, start, start.plusHours(1), null));
		this.mvc.perform(get(API + "/bookings/" + id).with(employee()))
			.andExpect(jsonPath("$.expiresAt")
				.value(start.toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
	}

	@Test
	void cancellingIsFreeUntil24HoursBeforeAndCostsThePartnerAmountAfter() throws Exception {
		Venue venue = venue();
		member(venue.partnerId(), this.manager, "MANAGER");
		UUID room = workspace(venue, "MEETING_ROOM", 8, "INSTANT", "HOUR", 3500);
		String early = id(book(room, inDays(4, 9), inDays(4, 11), null));
		this.mvc.perform(post(API + "/bookings/" + early + "/cancel").with(employee()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.cancellationFee").doesNotExist());

		String late = id(book(room, inDays(4, 14), inDays(4, 16), null));
		String byPartner = id(book(room, inDays(4, 16), inDays(4, 18), null));
		// 23 h before the start
		this.clock.set(inDays(4, 14).minusHours(23).toInstant());
		this.mvc.perform(post(API + "/bookings/" + late + "/cancel").with(employee()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cancellationFee.amountMinor").value(7000));
		this.mvc.perform(post(API + "/bookings/" + byPartner + "/cancel").with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cancellationFee").doesNotExist());
	}

	@Test
	void anotherPartnersManagerAndAnotherEmployeeSeeNothingAndChangeNothing() throws Exception {
		Venue venue = venue();
		Venue other = venue();
		member(other.partnerId(), this.otherPartnersManager, "OWNER");
		UUID room = workspace(venue, "MEETING_ROOM", 8, "REQUEST", "HOUR", 3500);
		String id = id(book(room, inDays(6, 9), inDays(6, 10), null));
		RequestPostProcessor intruder = as(this.otherPartnersManager, "partner", "employee");
		RequestPostProcessor stranger = as(UUID.randomUUID(), "employee");
		for (RequestPostProcessor who : new RequestPostProcessor[] { intruder, stranger }) {
			this.mvc.perform(get(API + "/bookings/" + id).with(who)).andExpect(status().isNotFound());
			this.mvc.perform(post(API + "/bookings/" + id + "/confirm").with(who)).andExpect(status().isNotFound());
			this.mvc.perform(post(API + "/bookings/" + id + "/decline").with(who)).andExpect(status().isNotFound());
			this.mvc.perform(post(API + "/bookings/" + id + "/cancel").with(who)).andExpect(status().isNotFound());
			this.mvc.perform(get(API + "/partners/" + venue.partnerId() + "/bookings").with(who))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get(API + "/bookings/" + id).with(as(UUID.randomUUID(), "ops"))).andExpect(status().isOk());
		this.mvc.perform(get(API + "/bookings/" + id).with(employee()))
			.andExpect(jsonPath("$.status").value("REQUESTED"));
	}

	@Test
	void theBookingsTableShowsTheSnapshotInJsonAndCsvAndALaterPriceChangeChangesNothing() throws Exception {
		Venue venue = venue();
		member(venue.partnerId(), this.manager, "FINANCE");
		UUID room = workspace(venue, "MEETING_ROOM", 8, "INSTANT", "HOUR", 2990);
		String id = id(book(room, inDays(8, 9), inDays(8, 11).plusMinutes(30), null));
		// the partner raises the price afterwards
		inTransaction(() -> this.catalog.apply(new WorkspacePayload(room, venue.establishmentId(), venue.partnerId(),
				"MEETING_ROOM", "Salle", 8, "INSTANT", "HOUR", new MoneyAmount(5000, "EUR"), 2000, true, 2)));
		String second = id(book(room, inDays(9, 9), inDays(9, 10), null));

		this.mvc.perform(get(API + "/partners/" + venue.partnerId() + "/bookings").with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].bookingId").value(id))
			.andExpect(jsonPath("$.items[0].price.unitPriceExclVat.amountMinor").value(2990))
			.andExpect(jsonPath("$.items[0].price.amountExclVat.amountMinor").value(7475))
			.andExpect(jsonPath("$.items[0].price.vatAmount.amountMinor").value(1495))
			.andExpect(jsonPath("$.items[0].price.amountInclVat.amountMinor").value(8970))
			.andExpect(jsonPath("$.items[0].price.customerAmountInclVat").doesNotExist())
			.andExpect(jsonPath("$.items[1].bookingId").value(second))
			.andExpect(jsonPath("$.items[1].price.unitPriceExclVat.amountMinor").value(5000));
		String csv = this.mvc
			.perform(get(API + "/partners/" + venue.partnerId() + "/bookings").with(manager())
				.accept(MediaType.parseMediaType("text/csv")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String[] lines = csv.split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0])
			.startsWith("bookingId;serviceDate;start;end;workspace;status;unit;quantity;currency;amountExclVat");
		assertThat(lines[1]).startsWith(id).contains(";CONFIRMED;HOUR;2.5;EUR;74.75;20.00;14.95;89.70;");
		assertThat(lines[2]).startsWith(second).contains(";1;EUR;50.00;20.00;10.00;60.00;");
		this.mvc
			.perform(get(API + "/partners/" + venue.partnerId() + "/bookings").param("status", "CANCELLED")
				.with(manager()))
			.andExpect(jsonPath("$.items.length()").value(0));
	}

	String csv(String table, UUID workspace) throws Exception {
		return this.mvc
			.perform(get(table).param("workspaceId", workspace.toString())
				.with(manager())
				.accept(MediaType.parseMediaType("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void thePartnerSeesTheBookersFirstNameAndTheirAddressOnlyWhileARequestWaits() throws Exception {
		// identity says which company Emma gave at sign-up
		var user = new com.worklib.contracts.identity.UserPayload(this.employee, "emma@client.example", "Emma", "Test",
				"fr", true, 2, "Acme Conseil");
		this.kafka.send(com.worklib.platform.test.KafkaSupport.cloudEvent(com.worklib.contracts.Topics.IDENTITY_USERS,
				this.employee.toString(), UUID.randomUUID().toString(),
				com.worklib.contracts.EventTypes.USER_EMAIL_VERIFIED, this.json.writeValueAsString(user)))
			.get();
		org.awaitility.Awaitility.await("Emma's company in booking")
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> this.bookers.company(this.employee).isPresent());
		Venue venue = venue();
		member(venue.partnerId(), this.manager, "MANAGER");
		UUID room = workspace(venue, "MEETING_ROOM", 8, "REQUEST", "HOUR", 3500);
		UUID desk = workspace(venue, "DESK", 4, "INSTANT", "DAY", 2200);
		var emma = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(j -> j.subject(this.employee.toString())
				.claim("realm_access", java.util.Map.of("roles", java.util.List.of("employee")))
				.claim("given_name", "Emma")
				.claim("email", "emma@client.example"));
		String request = id(this.mvc
			.perform(post(API + "/bookings").with(emma)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"workspaceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(room,
						inDays(6, 9).toOffsetDateTime(), inDays(6, 10).toOffsetDateTime())))
			.andExpect(status().isCreated())
			// the booker's own answer says nothing of who they are
			.andExpect(jsonPath("$.booker").doesNotExist()));
		this.mvc
			.perform(post(API + "/bookings").with(emma)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"workspaceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(desk,
						inDays(7, 8).toOffsetDateTime(), inDays(7, 19).toOffsetDateTime())))
			.andExpect(status().isCreated());
		String table = API + "/partners/" + venue.partnerId() + "/bookings";
		this.mvc.perform(get(table).with(manager()))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].booker.firstName").value("Emma"))
			.andExpect(jsonPath("$.items[0].booker.company").value("Acme Conseil"))
			.andExpect(jsonPath("$.items[0].booker.email").value("emma@client.example"))
			.andExpect(jsonPath("$.items[1].booker.firstName").value("Emma"))
			.andExpect(jsonPath("$.items[1].booker.email").doesNotExist());
		// one workspace only
		this.mvc.perform(get(table).param("workspaceId", desk.toString()).with(manager()))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].workspaceId").value(desk.toString()));
		String csv = csv(table, room);
		assertThat(csv.split("\r\n")).hasSize(2);
		assertThat(csv.split("\r\n")[1]).startsWith(request).endsWith(";Emma;emma@client.example;Acme Conseil");
		// once answered, the address is the booker's again
		this.mvc.perform(post(API + "/bookings/" + request + "/confirm").with(manager()))
			.andExpect(jsonPath("$.booker.firstName").value("Emma"))
			.andExpect(jsonPath("$.booker.email").doesNotExist());
		csv = csv(table, room);
		assertThat(csv.split("\r\n")[1]).endsWith(";Emma;;Acme Conseil");
	}

	@Test
	void badRequestsNameWhatIsWrong() throws Exception {
		UUID room = workspace(venue(), "MEETING_ROOM", 8, "INSTANT", "HOUR", 3500);
		book(room, inDays(3, 7), inDays(3, 9), null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not open")));
		book(room, inDays(-1, 9), inDays(-1, 10), null).andExpect(status().isUnprocessableContent());
		book(room, inDays(3, 9).plusMinutes(10), inDays(3, 10).plusMinutes(10), null)
			.andExpect(status().isUnprocessableContent());
		book(UUID.randomUUID(), inDays(3, 9), inDays(3, 10), null).andExpect(status().isNotFound());
		this.mvc
			.perform(post(API + "/bookings").with(employee())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"workspaceId\":\"%s\",\"start\":\"tomorrow\",\"end\":\"%s\"}".formatted(room,
						inDays(3, 10).toOffsetDateTime())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("start"));
		this.mvc
			.perform(post(API + "/bookings").with(as(UUID.randomUUID(), "partner"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"workspaceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(room,
						inDays(3, 9).toOffsetDateTime(), inDays(3, 10).toOffsetDateTime())))
			.andExpect(status().isForbidden());
	}

	@Test
	void availabilityShowsBusyRangesAndDeskPlacesLeftInVenueTime() throws Exception {
		Venue venue = venue();
		UUID desk = workspace(venue, "DESK", 2, "INSTANT", "HOUR", 450);
		book(desk, inDays(2, 9), inDays(2, 11), null).andExpect(status().isCreated());
		book(desk, inDays(2, 10), inDays(2, 12), null).andExpect(status().isCreated());
		this.mvc
			.perform(get(API + "/workspaces/" + desk + "/availability").param("date",
					inDays(2, 9).toLocalDate().toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timezone").value("Europe/Paris"))
			.andExpect(jsonPath("$.openingHours[0].opens").value("08:00:00"))
			.andExpect(jsonPath("$.busy.length()").value(2))
			.andExpect(jsonPath("$.busy[0].start").value(
					inDays(2, 10).toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
			.andExpect(jsonPath("$.remainingCapacity[2].remaining").value(1));
	}

	@Test
	void aMemberOfThePartnerCannotBookItsOwnWorkspaceButAnotherPartnersMemberCan() throws Exception {
		Venue venue = venue();
		member(venue.partnerId(), this.manager, "MANAGER");
		UUID desk = workspace(venue, "DESK", 4, "INSTANT", "HOUR", 450);
		this.mvc
			.perform(post(API + "/bookings").with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"workspaceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(desk,
						inDays(3, 9).toOffsetDateTime(), inDays(3, 10).toOffsetDateTime())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("own-workspace")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM booking WHERE workspace_id = :w")
			.param("w", desk)
			.query(Long.class)
			.single()).isZero();
		member(venue().partnerId(), this.otherPartnersManager, "MANAGER");
		this.mvc
			.perform(post(API + "/bookings").with(as(this.otherPartnersManager, "partner", "employee"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"workspaceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(desk,
						inDays(3, 9).toOffsetDateTime(), inDays(3, 10).toOffsetDateTime())))
			.andExpect(status().isCreated());
	}

	/**
	 * 00:00–23:59 means round the clock: the day's last half hour ends at midnight, and
	 * the answer comes at once (a wall-clock loop used to wrap at midnight and spin).
	 */
	@Test
	void availabilityOfADeskOpenRoundTheClockEndsAtMidnight() {
		UUID desk = workspace(venue("00:00", "23:59"), "DESK", 3, "INSTANT", "HOUR", 450);
		LocalDate day = inDays(2, 9).toLocalDate();
		String midnight = day.plusDays(1)
			.atStartOfDay(PARIS)
			.toOffsetDateTime()
			.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> this.mvc.perform(get(API + "/workspaces/" + desk + "/availability").param("date", day.toString()))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.remainingCapacity.length()").value(48))
					.andExpect(jsonPath("$.remainingCapacity[47].end").value(midnight))
					.andExpect(jsonPath("$.remainingCapacity[47].remaining").value(3)));
	}

}
