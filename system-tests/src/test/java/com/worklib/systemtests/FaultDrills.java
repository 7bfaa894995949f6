package com.worklib.systemtests;

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
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import com.worklib.systemtests.BookingLoad.Answer;
import com.worklib.systemtests.BookingLoad.Booking;
import com.worklib.systemtests.BookingLoad.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's fixture and method (docs/reliability.md), shared by the short
 * {@link FaultToleranceIT} and the full {@code FaultSuiteBenchmark}: a partner with six
 * instant rooms, bookers, a steady booking load through the gateway, one drill per fault,
 * and every invariant checked once the platform is quiet again. No answer may be a 500 or
 * an error without a problem body; every "try again" answer, tried again with its key,
 * ends in one booking; every success is still there, once, and billed once; no slot is
 * held twice; every outbox drains and no record is dead-lettered; every read model equals
 * its source.
 */
final class FaultDrills implements AutoCloseable {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final String CITY = "Annecy";

	static final int BOOKINGS_PER_SECOND = 4;

	static final Duration QUIET_WITHIN = Duration.ofSeconds(60);

	/** This run's tag: names and addresses of its own, also on a reused platform. */
	final String run;

	final BookingLoad load;

	final List<String> workspaces;

	private final Map<String, Long> deadLettersBefore;

	private final List<String> report = new ArrayList<>();

	private FaultDrills(String run, BookingLoad load, List<String> workspaces) {
		this.run = run;
		this.load = load;
		this.workspaces = workspaces;
		this.deadLettersBefore = Ledger.deadLetters();
		this.report.add("| fault | requests sent | answers during the fault | recovery | events caught up | lost | "
				+ "duplicated | DLT records |");
		this.report.add("|---|---|---|---|---|---|---|---|");
	}

	/** A partner with six instant meeting rooms in Annecy, imported, and four bookers. */
	static FaultDrills aPartnerWithSixRoomsAndFourBookers() throws Exception {
		String run = Long.toString(System.currentTimeMillis(), 36);
		List<String> workspaces = importRooms("Résilience Annecy " + run, run, 6).workspaces();
		List<BookingLoad.Booker> bookers = new ArrayList<>();
		for (String name : List.of("Fanny", "Farid", "Flore", "Fabien")) {
			String email = name.toLowerCase() + "-" + run + "@sys-faults.test";
			PartnersMonthIT.signUpAndVerify(email, name);
			bookers.add(new BookingLoad.Booker(email, PartnersMonthIT.PASSWORD));
		}
		// two months after booking-service's clock, which the partner's month moved ahead
		JsonNode clock = Client.anonymous().read("http://127.0.0.1:8083/dev/clock");
		LocalDate firstDay = Instant.parse(clock.get("now").asString()).atZone(PARIS).toLocalDate().plusMonths(2);
		return new FaultDrills(run, new BookingLoad(bookers, workspaces, CITY, PARIS, firstDay), workspaces);
	}

	/** A partner imported from Neo-nomade: its id and its workspaces. */
	record Listing(String partnerId, List<String> workspaces) {
	}

	/**
	 * A Neo-nomade partner with one establishment of {@code rooms} instant meeting rooms
	 * in Annecy, imported by ops; once searchable and in booking-service's catalog.
	 */
	static Listing importRooms(String establishment, String tag, int rooms) throws Exception {
		Client ops = Client.login("ops@worklib.test", PartnersMonthIT.DEV_PASSWORD);
		StringBuilder csv = new StringBuilder(
				"nn_partner_id;partner_legal_name;migration_email;platform_fee_percent;nn_establishment_id;establishment_name;address_line1;address_line2;postal_code;city;country;timezone;opening_hours;booking_contact_email;booking_contact_phone;nn_workspace_id;workspace_type;workspace_name;capacity;booking_mode;price_unit;price_excl_vat;vat_rate_percent\n");
		for (int room = 1; room <= rooms; room++) {
			csv.append("NN-P-" + tag + ";Résilience SAS;owner-" + tag + "@sys-resilience.test;15;NN-E-" + tag + ";"
					+ establishment + ";1 quai Perrière;;74000;" + CITY + ";FR;Europe/Paris;mon-fri 08:00-19:00;"
					+ "desk-" + tag + "@sys-resilience.test;04 50 00 00 00;NN-W-" + tag + "-" + room
					+ ";meeting_room;Salle " + room + ";6;instant;hour;20,00;20\n");
		}
		PartnersMonthIT.ok(ops.post("/api/venues/v1/imports/neo-nomade", "text/csv", csv.toString()), 200);
		List<String> workspaces = new ArrayList<>();
		String[] partnerId = new String[1];
		PartnersMonthIT.eventually("the rooms are searchable", () -> {
			JsonNode items = Client.anonymous().read("/api/venues/v1/search?city=" + CITY + "&size=50").get("items");
			workspaces.clear();
			for (JsonNode item : items) {
				if (establishment.equals(item.get("establishment").get("name").asString())) {
					partnerId[0] = item.get("establishment").get("partnerId").asString();
					item.get("workspaces").forEach(w -> workspaces.add(w.get("workspaceId").asString()));
				}
			}
			assertThat(workspaces).hasSize(rooms);
		});
		PartnersMonthIT.eventually("booking-service knows the rooms",
				() -> assertThat(Ledger.query("booking", "SELECT 1 FROM catalog_workspace WHERE workspace_id = ANY (?)",
						(Object) workspaces.stream().map(UUID::fromString).toArray(UUID[]::new)))
					.hasSize(rooms));
		return new Listing(partnerId[0], workspaces);
	}

	interface Step {

		void run() throws Exception;

	}

	/** What happened around one fault. */
	record Drill(FaultDrills drills, String name, long restartedAt, Duration restart, Duration caughtUp, int sent,
			Counted counted) {

		Map<Kind, Integer> during() {
			return this.drills.load.answersIn(this.name, null);
		}

		/** From the restart until a booking sent after it succeeded. */
		Duration recovery() {
			return this.drills.load.answers()
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
			this.drills.report.add("| " + this.name + " | " + this.sent + " | " + answers + " | "
					+ (recovery == null ? "—" : seconds(recovery)) + " (restart " + seconds(this.restart) + ") | "
					+ seconds(this.caughtUp) + " | " + this.counted.lost() + " | " + this.counted.duplicated() + " | "
					+ this.counted.deadLetters() + " |");
			System.out.println(this.drills.report.getLast());
		}

	}

	static String seconds(Duration duration) {
		return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	/**
	 * Load before, during and after the fault; then what a client does with its "try
	 * again" answers, and every invariant.
	 */
	Drill drill(String name, Step inject, Duration faultFor, Step recover) throws Exception {
		int sentBefore = this.load.answers().size();
		this.load.phase(name + ": before");
		this.load.run(BOOKINGS_PER_SECOND);
		BookingLoad.sleep(Duration.ofSeconds(6));
		this.load.phase(name);
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
		this.load.phase(name + ": after");
		BookingLoad.sleep(Duration.ofSeconds(8));
		this.load.pause();
		int sent = this.load.answers().size() - sentBefore;

		List<Answer> broken = this.load.answers()
			.stream()
			.filter(a -> a.phase().startsWith(name) && a.kind() == Kind.BROKEN)
			.toList();
		assertThat(broken).as("answers that are neither a success, a refusal nor a problem saying try again").isEmpty();

		this.load.settle(QUIET_WITHIN);
		long quietFrom = System.nanoTime();
		Counted counted = checkTheInvariants();
		return new Drill(this, name, restartedAt, restart, Duration.ofNanos(System.nanoTime() - quietFrom), sent,
				counted);
	}

	/** What the table reports, as counted by the checks (each must be 0 to get there). */
	record Counted(int lost, int duplicated, long deadLetters) {
	}

	/** Everything that must hold once the platform is quiet again. */
	Counted checkTheInvariants() {
		Map<String, Booking> byId = new HashMap<>();
		for (Booking booking : this.load.bookings()) {
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
		Map<String, Ledger.BookingRow> rows = Ledger.bookings(this.workspaces);
		Set<String> lost = new HashSet<>(byId.keySet());
		lost.removeAll(rows.keySet());
		assertThat(lost).as("bookings a client was told were made, missing afterwards").isEmpty();
		Set<String> unknown = new HashSet<>(rows.keySet());
		unknown.removeAll(byId.keySet());
		assertThat(unknown).as("bookings no client was told about").isEmpty();
		assertThat(rows.values()).allSatisfy(row -> assertThat(row.status()).isEqualTo("CONFIRMED"));
		assertThat(Ledger.doubleBookings(this.workspaces)).as("slots held twice").isZero();

		Map<String, Long> expectedItems = rows.values()
			.stream()
			.collect(Collectors.toMap(Ledger.BookingRow::id, Ledger.BookingRow::amountExclVat));
		Awaitility.await("every outbox drained, and billing holds every booking once")
			.atMost(QUIET_WITHIN)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				assertThat(Ledger.pendingOutbox()).as("outbox rows not yet published").isEmpty();
				assertThat(Ledger.billableItems(this.workspaces)).isEqualTo(expectedItems);
			});
		Map<String, Long> deadLetters = Ledger.deadLetters();
		assertThat(deadLetters).as("records in the dead-letter topics").isEqualTo(this.deadLettersBefore);
		long newDeadLetters = deadLetters.entrySet()
			.stream()
			.mapToLong(e -> e.getValue() - this.deadLettersBefore.getOrDefault(e.getKey(), 0L))
			.sum();
		return new Counted(lost.size(), unknown.size(), newDeadLetters);
	}

	/** The figures table, printed and written to {@code target/<file>}. */
	void writeTheFigures(String file, List<String> more) throws Exception {
		List<String> lines = new ArrayList<>(this.report);
		lines.addAll(more);
		String text = String.join("\n", lines) + "\n";
		System.out.println("Fault suite\n" + text);
		Path out = Path.of("target", file);
		Files.createDirectories(out.getParent());
		Files.writeString(out, text, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.load.close();
	}

}
