package com.worklib.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

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

	/**
	 * Three partners, each with a booking in next month, billed at its close. The payment
	 * run's first transfer reaches Stripe, and payment-service is killed before it hears
	 * the answer; a second run after the restart pays everyone, and Stripe holds exactly
	 * one transfer per payout, of the invoice's total. Last, after the soak: it moves
	 * every clock two months on, past the days the other drills book.
	 */
	@Test
	@Order(9)
	void fault5PaymentServiceKilledInTheMiddleOfAPaymentRun() throws Exception {
		Client employee = Client.login(drills.load.bookers().getFirst().email, PartnersMonthIT.PASSWORD);
		YearMonth month = YearMonth
			.from(Instant.parse(Client.anonymous().read("http://127.0.0.1:8083/dev/clock").get("now").asString())
				.atZone(FaultDrills.PARIS))
			.plusMonths(1);
		List<String> owners = new ArrayList<>();
		List<String> partners = new ArrayList<>();
		for (int p = 0; p < 3; p++) {
			String tag = drills.run + "p" + p;
			FaultDrills.Listing listing = FaultDrills.importRooms("Paiement Annecy " + tag, tag, 1);
			String ownerEmail = "owner-" + tag + "@sys-resilience.test";
			Client owner = PartnersMonthIT.claimedBy(ownerEmail, "Paul", listing.partnerId());
			String partnerId = listing.partnerId();
			PartnersMonthIT.ok(owner.put("/api/billing/v1/partners/" + partnerId + "/billing-profile",
					"""
							{"legalName":"Résilience SAS","legalForm":"SAS","siret":"44306184100047","vatNumber":"FR64443061841",
							 "vatRegime":"STANDARD","address":{"line1":"1 quai Perrière","postalCode":"74000","city":"Annecy","country":"FR"},
							 "billingEmail":"finance-%s@sys-resilience.test"}"""
						.formatted(tag)),
					200);
			PartnersMonthIT.ok(owner.post("/api/billing/v1/partners/" + partnerId + "/self-billing-mandate",
					Map.of("accepted", true, "mandateVersion", "2026-11")), 201);
			String url = PartnersMonthIT
				.ok(owner.post("/api/payments/v1/partners/" + partnerId + "/connected-account/onboarding-link", "{}"),
						201)
				.json()
				.get("url")
				.asString();
			assertThat(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode()).isEqualTo(302);
			PartnersMonthIT.eventually("payouts enabled",
					() -> assertThat(owner.read("/api/payments/v1/partners/" + partnerId + "/connected-account")
						.get("status")
						.asString()).isEqualTo("ENABLED"));
			LocalDate day = PartnersMonthIT.weekday(month, 3 + p);
			PartnersMonthIT
				.ok(employee.post("/api/bookings/v1/bookings", Map.of("workspaceId", listing.workspaces().getFirst(),
						"start", PartnersMonthIT.at(day, 10), "end", PartnersMonthIT.at(day, 12))), 201);
			owners.add(ownerEmail);
			partners.add(partnerId);
		}

		// the month closes by itself once the clocks pass its end
		PartnersMonthIT.clock(ZonedDateTime.of(month.plusMonths(1).atDay(1), LocalTime.of(10, 0), FaultDrills.PARIS));
		List<String> invoiceNumbers = new ArrayList<>();
		List<Long> totals = new ArrayList<>();
		for (int p = 0; p < 3; p++) {
			// a new token: the steps before may outlast the 5-minute one
			Client owner = Client.login(owners.get(p), PartnersMonthIT.PASSWORD);
			String partnerId = partners.get(p);
			PartnersMonthIT.eventually("the payout is planned",
					() -> assertThat(
							owner.read("/api/payments/v1/partners/" + partnerId + "/payouts").get("items").size())
						.isEqualTo(1));
			JsonNode invoice = owner
				.read("/api/billing/v1/invoices/" + owner.read("/api/billing/v1/partners/" + partnerId + "/invoices")
					.get("items")
					.get(0)
					.get("invoiceId")
					.asString());
			// the invoice equals the bookings table: one 2-hour booking at 20.00 excl.
			// VAT
			assertThat(invoice.get("totals").get("exclVat").get("amountMinor").asLong()).isEqualTo(4000);
			invoiceNumbers.add(invoice.get("number").asString());
			totals.add(invoice.get("totals").get("inclVat").get("amountMinor").asLong());
		}
		LocalDate planned = LocalDate.parse(Client.login(owners.getFirst(), PartnersMonthIT.PASSWORD)
			.read("/api/payments/v1/partners/" + partners.getFirst() + "/payouts")
			.get("items")
			.get(0)
			.get("plannedDate")
			.asString());

		// Stripe makes the first transfer and answers it 20 s late: the kill falls in
		// between
		PartnersMonthIT.ok(Client.anonymous()
			.post(Platform.STRIPE + "/_emulator/failures",
					Map.of("error", "timeout", "delayMillis", 20_000, "count", 1)),
				200);
		PartnersMonthIT.clock(ZonedDateTime.of(planned, LocalTime.of(8, 0), FaultDrills.PARIS));
		PartnersMonthIT.ok(Client.login("ops@worklib.test", PartnersMonthIT.DEV_PASSWORD)
			.post("/api/payments/v1/payment-runs", "{}"), 202);
		Awaitility.await("the first transfer reached Stripe")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> invoiceNumbers.stream().mapToInt(n -> PartnersMonthIT.transfersOf(n).size()).sum() >= 1);
		Platform.killService("payment-service");
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(Platform.STRIPE + "/_emulator/failures")).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
		Platform.startService("payment-service");
		// a restarted service starts on real time: back to the payout date, as the others
		PartnersMonthIT.clock(ZonedDateTime.of(planned, LocalTime.of(8, 5), FaultDrills.PARIS));

		Client ops = Client.login("ops@worklib.test", PartnersMonthIT.DEV_PASSWORD);
		String runId = PartnersMonthIT.ok(ops.post("/api/payments/v1/payment-runs", "{}"), 202)
			.json()
			.get("runId")
			.asString();
		// it first waits for the killed run's leases (60 s) to expire
		Awaitility.await("the second run")
			.atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(ops.read("/api/payments/v1/payment-runs/" + runId).get("status").asString())
				.isEqualTo("COMPLETED"));
		for (int p = 0; p < 3; p++) {
			// a new token: the steps before may outlast the 5-minute one
			Client owner = Client.login(owners.get(p), PartnersMonthIT.PASSWORD);
			String partnerId = partners.get(p);
			PartnersMonthIT.eventually("the payout is transferred",
					() -> assertThat(owner.read("/api/payments/v1/partners/" + partnerId + "/payouts")
						.get("items")
						.get(0)
						.get("status")
						.asString()).isEqualTo("TRANSFERRED"));
			List<JsonNode> transfers = PartnersMonthIT.transfersOf(invoiceNumbers.get(p));
			assertThat(transfers).as("Stripe transfers of invoice " + invoiceNumbers.get(p)).hasSize(1);
			assertThat(transfers.getFirst().get("amount").asLong()).isEqualTo(totals.get(p));
		}
		figures.add("");
		figures.add("Fault 5, payment-service kill -9 between a transfer and its answer, then a second run: "
				+ "3 payouts, 3 Stripe transfers, each of its invoice's total");
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
			// a person signing up right after the load: the verification mail must not
			// wait behind the booking notices the soak queued
			Map<String, Object> queue = Ledger
				.query("notification",
						"""
								SELECT count(*) FILTER (WHERE status = 'PENDING') AS n,
								  coalesce(extract(epoch FROM max(created_at) - min(created_at) FILTER (WHERE status = 'PENDING')), 0)
								    AS behind
								FROM delivery""")
				.getFirst();
			Object queued = queue.get("n");
			// how late the oldest waiting mail is against the newest one queued
			double behind = ((Number) queue.get("behind")).doubleValue();

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
			long signUpStarted = System.nanoTime();
			PartnersMonthIT.signUpAndVerify("after-soak-" + tag + "@sys-faults.test", "Ada");
			Duration signUp = Duration.ofNanos(System.nanoTime() - signUpStarted);
			figures.add("");
			figures.add(
					"Right after the soak, with %s mails queued (the oldest %.0f s behind the newest), a sign-up got its verification mail and was verified in %.1f s"
						.formatted(queued, behind, signUp.toMillis() / 1000.0));
			System.out.println(figures.getLast());

			assertThat(soak.broken()).as("answers neither a success, a refusal nor a problem saying try again")
				.isEmpty();
			assertThat(behind).as("seconds the oldest queued mail is behind the newest: notices keep up with the load")
				.isLessThanOrEqualTo(60);
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
