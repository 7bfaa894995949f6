package com.worklib.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Topics;
import com.worklib.contracts.venue.EstablishmentPayload;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.contracts.venue.WorkspacePayload;
import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.PostgresSupport;
import com.worklib.platform.test.HostConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives {@code POST /bookings} over HTTP on booking-service (real PostgreSQL, Kafka,
 * Keycloak tokens) with many concurrent clients, straight to the service and then, in the
 * same run, through the gateway (its own days, same traffic). A third of the requests
 * deliberately collide with another one; the benchmark checks that no slot was booked
 * twice and prints bookings/s and latencies.
 */
class BookingThroughputBenchmark {

	static final int ROOMS = 100;

	static final int HOURS_PER_DAY = 10;

	/** Days booked per round: each day is 1,000 slots and 400 deliberate collisions. */
	static final int DAYS = Integer.getInteger("benchmark.days", 6);

	static final int CLIENTS = 32;

	/** Rounds of the same traffic on later days before the measured one. */
	static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmupRounds", 2);

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** Also through the gateway, in the same run (ADR 26); false: straight only. */
	static final boolean VIA_GATEWAY = Boolean.parseBoolean(System.getProperty("benchmark.viaGateway", "true"));

	@Test
	void postBookings() throws Exception {
		String host = HostConditions.calibrate();
		PostgresSupport.Database db = PostgresSupport.freshDatabase("booking_benchmark");
		var keycloak = KeycloakSupport.server();
		ServiceProcess service = ServiceProcess.start("booking-service", List.of("-Xmx512m", "-XX:+UseSerialGC"),
				java.util.Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", db.username(), "DATABASE_PASSWORD",
						db.password(), "KAFKA_BOOTSTRAP_SERVERS", KafkaSupport.bootstrapServers(), "WORKLIB_ISSUER_URI",
						keycloak.issuer(), "WORKLIB_JWKS_URI", keycloak.jwksUri()),
				List.of("--spring.datasource.hikari.maximum-pool-size=20",
						"--spring.threads.virtual.enabled=" + System.getProperty("benchmark.virtualThreads", "true")));
		ServiceProcess gateway = VIA_GATEWAY ? ServiceProcess.gateway(keycloak, "BOOKING_URI", service) : null;
		try (service; gateway) {
			List<UUID> rooms = seed(service.port);
			JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
					db.jdbcUrl(), db.username(), db.password()));
			String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
			HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
			Map<String, Supplier<Duration>> processes = new LinkedHashMap<>();
			processes.put("booking-service", service::cpuTime);
			processes.put("PostgreSQL", HostConditions::postgresCpuTime);
			if (gateway != null) {
				processes.put("gateway", gateway::cpuTime);
			}
			processes.put("load generator", HostConditions::clientCpuTime);
			// each mode books its own days: rounds never collide with each other
			LocalDate first = LocalDate.now(PARIS).plusDays(2);
			int[] rounds = { 0 };
			java.util.function.Supplier<LocalDate> nextDays = () -> first.plusDays((long) (DAYS + 1) * rounds[0]++);
			Map<String, String> modes = new LinkedHashMap<>();
			modes.put("straight to booking-service", service.baseUrl());
			if (gateway != null) {
				modes.put("through the gateway", gateway.baseUrl());
			}
			// every mode warmed up before any is measured: booking-service's JIT keeps
			// compiling for several rounds, and the mode measured last would look cheaper
			for (var mode : modes.entrySet()) {
				warmUp(mode.getKey(), mode.getValue(), http, token, rooms, nextDays);
			}
			List<Measured> measured = new ArrayList<>();
			for (var mode : modes.entrySet()) {
				List<String> bodies = bodies(rooms, nextDays.get());
				var window = HostConditions.window(processes);
				Round round = drive(http, mode.getValue(), token, bodies);
				measured.add(new Measured(mode.getKey(), round, window.end(bodies.size())));
			}
			long active = jdbc.sql("SELECT count(*) FROM booking WHERE status IN ('REQUESTED', 'CONFIRMED')")
				.query(Long.class)
				.single();
			long doubleBooked = jdbc.sql("""
					SELECT count(*) FROM booking a JOIN booking b ON a.workspace_id = b.workspace_id AND a.id < b.id
					AND tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
					WHERE a.status IN ('REQUESTED', 'CONFIRMED') AND b.status IN ('REQUESTED', 'CONFIRMED')
					""").query(Long.class).single();
			int distinctSlots = ROOMS * DAYS * HOURS_PER_DAY;
			System.out.printf(
					"%nBENCHMARK POST /bookings: %d requests a round (%d distinct slots, %d deliberate collisions), %d clients, %d warm-up rounds per mode%n",
					measured.get(0).round().requests(), distinctSlots,
					measured.get(0).round().requests() - distinctSlots, CLIENTS, WARMUP_ROUNDS);
			for (Measured m : measured) {
				Round round = m.round();
				System.out.printf(
						"BENCHMARK   %-28s %d created, %d refused 409, %d other; %.1f s; %.0f requests/s, %.0f bookings/s; p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
						m.mode() + ":", round.created(), round.conflicts(), round.others(), round.seconds(),
						round.requests() / round.seconds(), round.created() / round.seconds(),
						millis(round.latencies(), 0.50), millis(round.latencies(), 0.90),
						millis(round.latencies(), 0.99), round.latencies()[round.latencies().length - 1] / 1_000_000);
				System.out.printf("BENCHMARK   %-28s %s%n", "", m.costs());
			}
			System.out.printf("BENCHMARK   double bookings: %d%n", doubleBooked);
			System.out.printf("BENCHMARK   %s%n%n", host);

			for (Measured m : measured) {
				assertThat(m.round().others()).as(m.mode() + ": answers other than 201 and 409").isZero();
				assertThat(m.round().created()).as(m.mode() + ": bookings created").isEqualTo(distinctSlots);
			}
			assertThat(active).isEqualTo(distinctSlots * (WARMUP_ROUNDS + 1L) * measured.size());
			assertThat(doubleBooked).isZero();
		}
	}

	record Measured(String mode, Round round, String costs) {
	}

	/**
	 * {@link #WARMUP_ROUNDS} rounds of the same traffic on later days, until the JIT has
	 * compiled the request path (a cold JVM spends more than one of the two cores
	 * compiling during the first few thousand requests, which is not the service's
	 * throughput).
	 */
	static void warmUp(String mode, String baseUrl, HttpClient http, String token, List<UUID> rooms,
			java.util.function.Supplier<LocalDate> nextDays) throws Exception {
		for (int round = 0; round < WARMUP_ROUNDS; round++) {
			Round warmup = drive(http, baseUrl, token, bodies(rooms, nextDays.get()));
			System.out.printf("BENCHMARK %s, warm-up round %d: %.0f requests/s, %d created, %d refused, %d other%n",
					mode, round + 1, warmup.requests() / warmup.seconds(), warmup.created(), warmup.conflicts(),
					warmup.others());
		}
	}

	/**
	 * One request per room and hour on {@link #DAYS} days from {@code first}, and a
	 * second identical one for every third hour (exactly one of the two may win),
	 * shuffled.
	 */
	static List<String> bodies(List<UUID> rooms, LocalDate first) {
		List<String> bodies = new ArrayList<>();
		for (UUID room : rooms) {
			for (int d = 0; d < DAYS; d++) {
				for (int h = 0; h < HOURS_PER_DAY; h++) {
					var start = first.plusDays(d).atTime(8 + h, 0).atZone(PARIS).toOffsetDateTime();
					String body = "{\"workspaceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(room, start,
							start.plusHours(1));
					bodies.add(body);
					if (h % 3 == 0) {
						bodies.add(body);
					}
				}
			}
		}
		Collections.shuffle(bodies, new java.util.Random(42));
		return bodies;
	}

	record Round(int requests, int created, int conflicts, int others, long[] latencies, double seconds) {
	}

	/** Sends every body once from {@link #CLIENTS} concurrent clients. */
	static Round drive(HttpClient http, String baseUrl, String token, List<String> bodies) throws Exception {
		AtomicInteger created = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		AtomicInteger others = new AtomicInteger();
		long[] latencies = new long[bodies.size()];
		long begin = System.nanoTime();
		try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < bodies.size(); i++) {
				int index = i;
				futures.add(clients.submit(() -> {
					long t0 = System.nanoTime();
					int status = post(http, baseUrl, token, bodies.get(index));
					latencies[index] = System.nanoTime() - t0;
					(status == 201 ? created : status == 409 ? conflicts : others).incrementAndGet();
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		Arrays.sort(latencies);
		return new Round(bodies.size(), created.get(), conflicts.get(), others.get(), latencies, seconds);
	}

	static int post(HttpClient http, String baseUrl, String token, String body) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/bookings/v1/bookings"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	static long millis(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * quantile))] / 1_000_000;
	}

	/** The catalog arrives as venue-service would send it: events on venue.*.v1. */
	static List<UUID> seed(int port) throws Exception {
		UUID partner = UUID.randomUUID();
		UUID establishment = UUID.randomUUID();
		List<UUID> rooms = new ArrayList<>();
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
				java.util.Map.of("bootstrap.servers", KafkaSupport.bootstrapServers(), "key.serializer",
						org.apache.kafka.common.serialization.StringSerializer.class, "value.serializer",
						org.apache.kafka.common.serialization.StringSerializer.class))) {
			send(producer, json, Topics.VENUE_PARTNERS, partner,
					new PartnerPayload(partner, "BENCH", "Bench SAS", "CLAIMED", 1500, null, null, 1));
			send(producer, json, Topics.VENUE_ESTABLISHMENTS, partner,
					new EstablishmentPayload(establishment, partner, "Bench",
							new EstablishmentPayload.Address("1 rue", null, "69002", "Lyon", "FR"), "Europe/Paris",
							Arrays.stream(DayOfWeek.values())
								.map(d -> new EstablishmentPayload.OpeningHours(d.name(), "08:00", "19:00"))
								.toList(),
							null, null, null, 1, null));
			for (int i = 0; i < ROOMS; i++) {
				UUID room = UUID.randomUUID();
				rooms.add(room);
				send(producer, json, Topics.VENUE_WORKSPACES, partner,
						new WorkspacePayload(room, establishment, partner, "MEETING_ROOM", "Salle " + i, 8, "INSTANT",
								"HOUR", new MoneyAmount(3500, "EUR"), 2000, true, 1));
			}
		}
		HttpClient http = HttpClient.newHttpClient();
		UUID last = rooms.get(rooms.size() - 1);
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (System.nanoTime() < deadline) {
			int status = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bookings/v1/workspaces/" + last
							+ "/availability?date=" + LocalDate.now().plusDays(2)))
						.build(),
					HttpResponse.BodyHandlers.discarding())
				.statusCode();
			if (status == 200) {
				return rooms;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("The catalog never arrived in booking-service");
	}

	static void send(org.apache.kafka.clients.producer.KafkaProducer<String, String> producer,
			tools.jackson.databind.json.JsonMapper json, String topic, UUID key, Object payload) throws Exception {
		var record = new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key.toString(),
				json.writeValueAsString(payload));
		record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		record.headers().add("ce_type", (topic + ".Upserted").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		producer.send(record).get();
	}

}
