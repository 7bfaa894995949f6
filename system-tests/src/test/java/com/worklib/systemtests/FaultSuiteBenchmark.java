package com.worklib.systemtests;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.worklib.platform.test.HostConditions;
import com.worklib.systemtests.BookingLoad.Answer;
import com.worklib.systemtests.BookingLoad.Booker;
import com.worklib.systemtests.BookingLoad.Kind;
import com.worklib.systemtests.FaultDrills.Drill;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full fault suite (docs/reliability.md): the short suite's faults, plus
 * billing-service killed while it ingests and Keycloak killed, then the soak: half an
 * hour of mixed traffic at half the capacity measured just before, with every service's
 * resources at its start and end. Run with
 * {@code ./mvnw -pl system-tests verify -Pbenchmarks -Dit.test=FaultSuiteBenchmark}
 * ({@code -Dbenchmark.soakMinutes}, default 30).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PlatformExtension.class)
class FaultSuiteBenchmark {

	static final Duration SOAK = Duration.ofMinutes(Long.getLong("benchmark.soakMinutes", 30));

	static final int SOAK_USERS = 24;

	static String host;

	static FaultDrills drills;

	static final List<String> figures = new ArrayList<>();

	@BeforeAll
	static void aPartnerWithSixRoomsAndFourBookers() throws Exception {
		host = HostConditions.calibrate();
		System.out.println("BENCHMARK " + host);
		drills = FaultDrills.aPartnerWithSixRoomsAndFourBookers();
	}

	@AfterAll
	static void writeTheFigures() throws Exception {
		if (drills != null) {
			drills.close();
			List<String> more = new ArrayList<>(figures);
			more.add("");
			more.add(host);
			drills.writeTheFigures("fault-suite.md", more);
		}
	}

	@Test
	@Order(1)
	void fault1KafkaKilledFor20Seconds() throws Exception {
		FaultToleranceIT.kafkaKilledFor20Seconds(drills);
	}

	@Test
	@Order(2)
	void fault2BillingServiceKilledWhileItIngests() throws Exception {
		Drill drill = drills.drill("billing-service kill -9 while it ingests",
				() -> Platform.killService("billing-service"), Duration.ZERO,
				() -> Platform.startService("billing-service"));
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).as("bookings do not need billing to answer").isZero();
		drill.report();
	}

	@Test
	@Order(3)
	void fault3PostgresStoppedImmediatelyFor30Seconds() throws Exception {
		FaultToleranceIT.postgresStoppedImmediatelyFor30Seconds(drills);
	}

	@Test
	@Order(4)
	void fault4BookingServiceKilled() throws Exception {
		FaultToleranceIT.bookingServiceKilled(drills);
	}

	/**
	 * Tokens issued before keep working everywhere (every service holds Keycloak's keys);
	 * a sign-up is refused with 503 and leaves no account behind; once Keycloak is back
	 * the same address signs up and logs in.
	 */
	@Test
	@Order(6)
	void fault6KeycloakKilled() throws Exception {
		drills.load.bookers().forEach(Booker::refresh);
		String email = "kim-" + drills.run + "@sys-faults.test";
		List<Answer> signups = new ArrayList<>();
		Map<String, List<Answer>> probes = new HashMap<>();
		Drill drill = drills.drill("Keycloak kill -9", () -> {
			Platform.killService("keycloak");
			signups.add(BookingLoad.call("POST signup", drills.load.phase(), null,
					HttpRequest.newBuilder(BookingLoad.uri("/api/identity/v1/signup"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(Client.JSON.writeValueAsString(
								Map.of("email", email, "firstName", "Kim", "lastName", "Test", "locale", "fr"))))));
			probes.putAll(FaultToleranceIT.probeEveryApi(drills, 3));
		}, Duration.ofSeconds(10), () -> Platform.startService("keycloak"));
		assertThat(signups).singleElement().satisfies(answer -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
			assertThat(answer.contentType()).startsWith("application/problem+json");
		});
		assertThat(Ledger.query("identity", "SELECT id FROM user_account WHERE email = ?", email))
			.as("no account half-created by the refused sign-up")
			.isEmpty();
		probes.forEach((api, answers) -> assertThat(answers)
			.allSatisfy(answer -> assertThat(answer.status()).as("a token issued before: " + answer).isEqualTo(200)));
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).as("bookings do not need Keycloak").isZero();
		drill.report();
		PartnersMonthIT.signUpAndVerify(email, "Kim");
	}

	@Test
	@Order(7)
	void fault7OneServiceStopped() throws Exception {
		FaultToleranceIT.billingServiceStopped(drills);
	}

	/**
	 * Half an hour at half the capacity: nothing broken, no slot held twice, and every
	 * service's heap after a full collection, threads, connections and open files flat.
	 */
	/** The CPU time counters of the gateway, every service and PostgreSQL. */
	static Map<String, Supplier<Duration>> cpuTimes() throws IOException {
		Map<String, Supplier<Duration>> processes = new LinkedHashMap<>();
		for (String name : List.of("gateway", "identity-service", "venue-service", "booking-service", "billing-service",
				"payment-service", "notification-service")) {
			long pid = Long.parseLong(Files.readString(Platform.HOME.resolve("pids").resolve(name + ".pid")).trim());
			ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
			processes.put(name, () -> process.info().totalCpuDuration().orElse(Duration.ZERO));
		}
		processes.put("PostgreSQL", HostConditions::postgresCpuTime);
		return processes;
	}

	@Test
	@Order(8)
	void soak() throws Exception {
		String tag = drills.run + "s";
		FaultDrills.Listing listing = FaultDrills.importRooms("Endurance Annecy " + tag, tag, 12);
		List<Booker> users = new ArrayList<>();
		for (int i = 0; i < SOAK_USERS; i++) {
			String email = "soak" + i + "-" + tag + "@sys-faults.test";
			PartnersMonthIT.signUpAndVerify(email, "Sam");
			users.add(new Booker(email, PartnersMonthIT.PASSWORD));
		}
		Booker ops = new Booker("ops@worklib.test", PartnersMonthIT.DEV_PASSWORD);
		LocalDate firstDay = Instant
			.parse(Client.anonymous().read("http://127.0.0.1:8083/dev/clock").get("now").asString())
			.atZone(FaultDrills.PARIS)
			.toLocalDate()
			.plusMonths(3);
		try (Soak soak = new Soak(users, ops, listing.partnerId(), listing.workspaces(), firstDay)) {
			double capacity = soak.capacity(SOAK_USERS, Duration.ofSeconds(60));
			double rate = capacity / 2;
			// the first minutes warm every JVM up; the start is measured after them
			soak.run(rate, Duration.ofMinutes(2));
			Map<String, Soak.Resources> start = Soak.resources();
			HostConditions.Window window = HostConditions.window(cpuTimes());
			soak.run(rate, SOAK);
			String hostDuring = window.end(Math.max(1, soak.requests()));
			Map<String, Soak.Resources> end = Soak.resources();

			figures.add("");
			figures.add("Soak: %.0f requests/s measured closed loop with %d users, then %.0f requests/s for %d min"
				.formatted(capacity, SOAK_USERS, rate, SOAK.toMinutes()) + " (" + hostDuring + ")");
			figures.add("");
			figures.addAll(soak.latencyRows());
			figures.add("");
			figures.add("| service | heap after GC, start → end | threads | DB connections | open files |");
			figures.add("|---|---|---|---|---|");
			start.forEach((service, before) -> {
				Soak.Resources after = end.get(service);
				figures.add("| %s | %d → %d MB | %d → %d | %d → %d | %d → %d |".formatted(service,
						before.heapAfterGcBytes() >> 20, after.heapAfterGcBytes() >> 20, before.threads(),
						after.threads(), before.dbConnections(), after.dbConnections(), before.openFiles(),
						after.openFiles()));
			});
			figures.forEach(System.out::println);

			assertThat(soak.broken()).as("answers neither a success, a refusal nor a problem saying try again")
				.isEmpty();
			assertThat(Ledger.doubleBookings(listing.workspaces())).as("slots held twice").isZero();
			start.forEach((service, before) -> {
				Soak.Resources after = end.get(service);
				assertThat(after.heapAfterGcBytes()).as(service + " live heap")
					.isLessThanOrEqualTo(before.heapAfterGcBytes() * 5 / 4 + (32L << 20));
				assertThat(after.threads()).as(service + " threads").isLessThanOrEqualTo(before.threads() * 6 / 5 + 10);
				assertThat(after.dbConnections()).as(service + " database connections")
					.isLessThanOrEqualTo(Math.max(before.dbConnections(), 10));
				assertThat(after.openFiles()).as(service + " open files")
					.isLessThanOrEqualTo(before.openFiles() * 6 / 5 + 20);
			});
		}
	}

}
