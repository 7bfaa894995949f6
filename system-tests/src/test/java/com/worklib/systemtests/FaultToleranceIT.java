package com.worklib.systemtests;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.worklib.systemtests.BookingLoad.Answer;
import com.worklib.systemtests.BookingLoad.Booking;
import com.worklib.systemtests.BookingLoad.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fault suite (docs/reliability.md): clients book through the gateway at a
 * steady rate while one part of the platform fails, then every invariant is checked once
 * it is quiet again. No answer may be a 500 or an error without a problem body; every
 * "try again" answer, tried again with its key, ends in one booking; every success is
 * still there, once, and billed once; no slot is held twice; every outbox drains and no
 * record is dead-lettered; every read model equals its source. The faults are crashes,
 * not polite stops: {@code kill -9} and PostgreSQL's immediate shutdown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PlatformExtension.class)
// last: it crashes the platform's parts, and proves they all came back
@Order(Integer.MAX_VALUE)
class FaultToleranceIT {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final String CITY = "Annecy";

	static final int BOOKINGS_PER_SECOND = 4;

	static final Duration QUIET_WITHIN = Duration.ofSeconds(60);

	static BookingLoad load;

	static List<String> workspaces;

	static Map<String, Long> deadLettersBefore;

	static final List<String> report = new ArrayList<>();

	@BeforeAll
	static void aPartnerWithSixRoomsAndFourBookers() throws Exception {
		Client ops = Client.login("ops@worklib.test", PartnersMonthIT.DEV_PASSWORD);
		StringBuilder csv = new StringBuilder(
				"nn_partner_id;partner_legal_name;migration_email;platform_fee_percent;nn_establishment_id;establishment_name;address_line1;address_line2;postal_code;city;country;timezone;opening_hours;booking_contact_email;booking_contact_phone;nn_workspace_id;workspace_type;workspace_name;capacity;booking_mode;price_unit;price_excl_vat;vat_rate_percent\n");
		// a run of its own, also on a platform reused from an earlier run
		String run = Long.toString(System.currentTimeMillis(), 36);
		String establishment = "Résilience Annecy " + run;
		for (int room = 1; room <= 6; room++) {
			csv.append("NN-P-" + run + ";Résilience SAS;owner-" + run + "@sys-resilience.test;15;NN-E-" + run + ";"
					+ establishment + ";1 quai Perrière;;74000;" + CITY + ";FR;Europe/Paris;mon-fri 08:00-19:00;"
					+ "desk-" + run + "@sys-resilience.test;04 50 00 00 00;NN-W-" + run + "-" + room
					+ ";meeting_room;Salle " + room + ";6;instant;hour;20,00;20\n");
		}
		PartnersMonthIT.ok(ops.post("/api/venues/v1/imports/neo-nomade", "text/csv", csv.toString()), 200);
		workspaces = new ArrayList<>();
		PartnersMonthIT.eventually("the rooms are searchable", () -> {
			JsonNode items = Client.anonymous().read("/api/venues/v1/search?city=" + CITY + "&size=50").get("items");
			workspaces.clear();
			for (JsonNode item : items) {
				if (establishment.equals(item.get("establishment").get("name").asString())) {
					item.get("workspaces").forEach(w -> workspaces.add(w.get("workspaceId").asString()));
				}
			}
			assertThat(workspaces).hasSize(6);
		});
		PartnersMonthIT.eventually("booking-service knows the rooms",
				() -> assertThat(Ledger.query("booking", "SELECT 1 FROM catalog_workspace WHERE workspace_id = ANY (?)",
						(Object) workspaces.stream().map(java.util.UUID::fromString).toArray(java.util.UUID[]::new)))
					.hasSize(6));
		List<BookingLoad.Booker> bookers = new ArrayList<>();
		for (String name : List.of("Fanny", "Farid", "Flore", "Fabien")) {
			String email = name.toLowerCase() + "-" + run + "@sys-faults.test";
			PartnersMonthIT.signUpAndVerify(email, name);
			bookers.add(new BookingLoad.Booker(email, PartnersMonthIT.PASSWORD));
		}
		// two months after booking-service's clock, which the partner's month moved ahead
		JsonNode clock = Client.anonymous().read("http://127.0.0.1:8083/dev/clock");
		LocalDate firstDay = Instant.parse(clock.get("now").asString()).atZone(PARIS).toLocalDate().plusMonths(2);
		load = new BookingLoad(bookers, workspaces, CITY, PARIS, firstDay);
		deadLettersBefore = Ledger.deadLetters();
		report.add("| fault | requests sent | answers during the fault | recovery | events caught up | lost | "
				+ "duplicated | DLT records |");
		report.add("|---|---|---|---|---|---|---|---|");
	}

	@AfterAll
	static void writeTheFigures() throws Exception {
		if (load != null) {
			load.close();
		}
		String text = String.join("\n", report) + "\n";
		System.out.println("Fault suite\n" + text);
		Path out = Path.of("target", "fault-tolerance.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, text, StandardCharsets.UTF_8);
	}

	@Test
	@Order(1)
	void kafkaKilledFor20SecondsLosesNoEventAndBookingsGoOn() throws Exception {
		Drill drill = drill("kafka kill -9, 20 s", () -> Platform.killService("kafka"), Duration.ofSeconds(20),
				() -> Platform.startService("kafka"));
		// the broker is not on the booking path: clients never noticed
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).as("answers that said try again").isZero();
		drill.report();
	}

	@Test
	@Order(2)
	void postgresStoppedImmediatelyFor30SecondsLosesNoAnsweredBooking() throws Exception {
		Drill drill = drill("PostgreSQL immediate stop, 30 s", () -> Platform.killService("postgres"),
				Duration.ofSeconds(30), () -> Platform.startService("postgres"));
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).as("no database: clients are told to try again")
			.isPositive();
		drill.report();
	}

	@Test
	@Order(3)
	void bookingServiceKilledWhileClientsBookLosesNothing() throws Exception {
		Drill drill = drill("booking-service kill -9", () -> Platform.killService("booking-service"), Duration.ZERO,
				() -> Platform.startService("booking-service"));
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).isPositive();
		drill.report();
	}

	@Test
	@Order(4)
	void aStoppedServiceAnswers503WithinTheTimeoutAndEveryOtherRouteKeepsAnswering() throws Exception {
		Map<String, List<Answer>> probes = new HashMap<>();
		Drill drill = drill("billing-service stopped", () -> {
			Platform.stopService("billing-service");
			String token = load.bookers().getFirst().token();
			for (int round = 0; round < 5; round++) {
				for (String api : List.of("identity", "venues", "bookings", "billing", "payments", "notifications")) {
					probes.computeIfAbsent(api, k -> new ArrayList<>())
						.add(BookingLoad.call("GET " + api + " whoami", load.phase(), () -> token,
								HttpRequest.newBuilder(BookingLoad.uri("/api/" + api + "/v1/whoami"))));
				}
				BookingLoad.sleep(Duration.ofSeconds(1));
			}
		}, Duration.ZERO, () -> Platform.startService("billing-service"));
		probes.forEach((api, answers) -> {
			for (Answer answer : answers) {
				if ("billing".equals(api)) {
					assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
					assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
					assertThat(Duration.ofNanos(answer.tookNanos())).as("within the gateway's 10 s timeout")
						.isLessThan(Duration.ofSeconds(10));
				}
				else {
					assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				}
			}
		});
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).as("bookings do not need billing to answer").isZero();
		drill.report();
		assertThat(Ledger.readModelDifferences()).as("every read model equals its source").isEmpty();
	}

	interface Step {

		void run() throws Exception;

	}

	/** What happened around one fault. */
	record Drill(String name, long restartedAt, Duration restart, Duration caughtUp, int sent, Counted counted) {

		Map<Kind, Integer> during() {
			return load.answersIn(this.name, null);
		}

		/** From the restart until a booking sent after it succeeded. */
		Duration recovery() {
			return load.answers()
				.stream()
				.filter(a -> a.route().equals("POST bookings") && a.kind() == Kind.SUCCESS
						&& a.sentNanos() >= this.restartedAt)
				.map(a -> Duration.ofNanos(a.sentNanos() + a.tookNanos() - this.restartedAt))
				.min(Duration::compareTo)
				.orElse(null);
		}

		void report() {
			Duration recovery = recovery();
			String answers = during().entrySet()
				.stream()
				.map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
				.collect(Collectors.joining(", "));
			report.add("| " + this.name + " | " + this.sent + " | " + answers + " | "
					+ (recovery == null ? "—" : seconds(recovery)) + " (restart " + seconds(this.restart) + ") | "
					+ seconds(this.caughtUp) + " | " + this.counted.lost() + " | " + this.counted.duplicated() + " | "
					+ this.counted.deadLetters() + " |");
			System.out.println(report.getLast());
		}

	}

	static String seconds(Duration duration) {
		return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	/**
	 * Load before, during and after the fault; then what a client does with its "try
	 * again" answers, and every invariant.
	 */
	static Drill drill(String name, Step inject, Duration faultFor, Step recover) throws Exception {
		int sentBefore = load.answers().size();
		load.phase(name + ": before");
		load.run(BOOKINGS_PER_SECOND);
		BookingLoad.sleep(Duration.ofSeconds(6));
		load.phase(name);
		long restartedAt;
		try {
			inject.run();
			BookingLoad.sleep(faultFor);
		}
		finally {
			// back even when the drill failed: the next one needs the whole platform
			restartedAt = System.nanoTime();
			recover.run();
		}
		Duration restart = Duration.ofNanos(System.nanoTime() - restartedAt);
		load.phase(name + ": after");
		BookingLoad.sleep(Duration.ofSeconds(8));
		load.pause();
		int sent = load.answers().size() - sentBefore;

		List<Answer> broken = load.answers()
			.stream()
			.filter(a -> a.phase().startsWith(name) && a.kind() == Kind.BROKEN)
			.toList();
		assertThat(broken).as("answers that are neither a success, a refusal nor a problem saying try again").isEmpty();

		load.settle(QUIET_WITHIN);
		long quietFrom = System.nanoTime();
		Counted counted = checkTheInvariants();
		return new Drill(name, restartedAt, restart, Duration.ofNanos(System.nanoTime() - quietFrom), sent, counted);
	}

	/** What the table reports, as counted by the checks (each must be 0 to get there). */
	record Counted(int lost, int duplicated, long deadLetters) {
	}

	/** Everything that must hold once the platform is quiet again. */
	static Counted checkTheInvariants() {
		Map<String, Booking> byId = new HashMap<>();
		for (Booking booking : load.bookings()) {
			Answer last = booking.last();
			if (booking.conflict) {
				assertThat(last.kind()).as("a second booking of a taken slot is refused: " + last)
					.isEqualTo(Kind.REFUSED);
				continue;
			}
			assertThat(last.kind()).as("tried again with its key, every booking ends in a success: " + last)
				.isEqualTo(Kind.SUCCESS);
			Booking other = byId.put(booking.bookingId(), booking);
			assertThat(other).as("two requests answered with the same booking").isNull();
			for (Answer earlier : booking.answers) {
				if (earlier.kind() == Kind.SUCCESS) {
					assertThat(BookingLoad.json(earlier.body()).get("bookingId").asString())
						.as("a replayed key answers the booking it made")
						.isEqualTo(booking.bookingId());
				}
			}
		}
		Map<String, Ledger.BookingRow> rows = Ledger.bookings(workspaces);
		Set<String> lost = new HashSet<>(byId.keySet());
		lost.removeAll(rows.keySet());
		assertThat(lost).as("bookings a client was told were made, missing afterwards").isEmpty();
		Set<String> unknown = new HashSet<>(rows.keySet());
		unknown.removeAll(byId.keySet());
		assertThat(unknown).as("bookings no client was told about").isEmpty();
		assertThat(rows.values()).allSatisfy(row -> assertThat(row.status()).isEqualTo("CONFIRMED"));
		assertThat(Ledger.doubleBookings(workspaces)).as("slots held twice").isZero();

		Map<String, Long> expectedItems = rows.values()
			.stream()
			.collect(Collectors.toMap(Ledger.BookingRow::id, Ledger.BookingRow::amountExclVat));
		Awaitility.await("every outbox drained, and billing holds every booking once")
			.atMost(QUIET_WITHIN)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				assertThat(Ledger.pendingOutbox()).as("outbox rows not yet published").isEmpty();
				assertThat(Ledger.billableItems(workspaces)).isEqualTo(expectedItems);
			});
		Map<String, Long> deadLetters = Ledger.deadLetters();
		assertThat(deadLetters).as("records in the dead-letter topics").isEqualTo(deadLettersBefore);
		long newDeadLetters = deadLetters.entrySet()
			.stream()
			.mapToLong(e -> e.getValue() - deadLettersBefore.getOrDefault(e.getKey(), 0L))
			.sum();
		return new Counted(lost.size(), unknown.size(), newDeadLetters);
	}

}
