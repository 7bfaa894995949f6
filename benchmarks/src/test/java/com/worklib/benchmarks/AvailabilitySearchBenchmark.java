package com.worklib.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.PostgresSupport;
import com.worklib.platform.test.HostConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /availability/search} over HTTP on booking-service (real PostgreSQL) with
 * 10,000 workspaces in 20 cities and 200,000 bookings in next month: one client, searches
 * of random cities, days, two-hour slots and types, measured after a warm-up. Target
 * (issue 21): p95 ≤ 50 ms per search on this machine. Every room or office a search
 * offers is checked free for its slot in the database.
 */
class AvailabilitySearchBenchmark {

	static final int CITIES = 20;

	static final int ESTABLISHMENTS_PER_CITY = 50;

	/**
	 * Per establishment: 4 hourly desks, 3 hourly rooms, 2 half-day offices, 1 daily
	 * desk.
	 */
	static final int WORKSPACES_PER_ESTABLISHMENT = 10;

	static final int BOOKINGS_PER_WORKSPACE = 20;

	static final int WARMUP = Integer.getInteger("benchmark.warmup", 300);

	static final int SEARCHES = Integer.getInteger("benchmark.searches", 1000);

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final String[] TYPES = { null, null, "DESK", "MEETING_ROOM", "PRIVATE_OFFICE" };

	@Test
	void searchByAvailability() throws Exception {
		String host = HostConditions.calibrate();
		PostgresSupport.Database db = PostgresSupport.freshDatabase("search_benchmark");
		var keycloak = KeycloakSupport.server();
		ServiceProcess service = ServiceProcess.start("booking-service", List.of("-Xmx512m", "-XX:+UseSerialGC"),
				Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", db.username(), "DATABASE_PASSWORD", db.password(),
						"KAFKA_BOOTSTRAP_SERVERS", KafkaSupport.bootstrapServers(), "WORKLIB_ISSUER_URI",
						keycloak.issuer(), "WORKLIB_JWKS_URI", keycloak.jwksUri()),
				List.of("--spring.datasource.hikari.maximum-pool-size=10"));
		try (service; Connection sql = db.connect()) {
			YearMonth month = YearMonth.now(PARIS).plusMonths(1);
			long seeded = seed(sql, month);
			System.out.printf("BENCHMARK seeded %d workspaces, %d bookings in %s%n",
					CITIES * ESTABLISHMENTS_PER_CITY * WORKSPACES_PER_ESTABLISHMENT, seeded, month);
			HttpClient http = HttpClient.newHttpClient();
			Random random = new Random(7);
			for (int i = 0; i < WARMUP; i++) {
				search(http, service.port, query(random, month));
			}
			Map<String, Supplier<Duration>> processes = new LinkedHashMap<>();
			processes.put("booking-service", service::cpuTime);
			processes.put("PostgreSQL", HostConditions::postgresCpuTime);
			var window = HostConditions.window(processes);
			long[] latencies = new long[SEARCHES];
			long items = 0;
			List<JsonNode> checked = new ArrayList<>();
			for (int i = 0; i < SEARCHES; i++) {
				String query = query(random, month);
				long t0 = System.nanoTime();
				JsonNode page = search(http, service.port, query);
				latencies[i] = System.nanoTime() - t0;
				items += page.get("page").get("totalElements").asLong();
				if (i % 50 == 0) {
					checked.add(page);
				}
			}
			String costs = window.end(SEARCHES);
			Arrays.sort(latencies);
			long p95 = latencies[(int) (SEARCHES * 0.95)] / 1_000;
			System.out.printf("%nBENCHMARK GET /availability/search: %d searches, %.0f free workspaces on average%n",
					SEARCHES, (double) items / SEARCHES);
			System.out.printf(
					"BENCHMARK   latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p95 ≤ 50 ms: %s)%n",
					latencies[SEARCHES / 2] / 1e6, p95 / 1e3, latencies[(int) (SEARCHES * 0.99)] / 1e6,
					latencies[SEARCHES - 1] / 1e6, p95 <= 50_000 ? "met" : "NOT met");
			System.out.printf("BENCHMARK   %s%nBENCHMARK   %s%n%n", costs, host);

			// what was offered is free: no active booking overlaps an offered room's slot
			int rooms = 0;
			for (JsonNode page : checked) {
				for (JsonNode item : page.get("items")) {
					if (!"DESK".equals(item.get("workspace").get("type").asString())) {
						rooms++;
						try (PreparedStatement overlap = sql.prepareStatement(
								"""
										SELECT count(*) FROM booking WHERE workspace_id = ? AND status IN ('REQUESTED', 'CONFIRMED')
										AND start_at < ?::timestamptz AND end_at > ?::timestamptz""")) {
							overlap.setObject(1, UUID.fromString(item.get("workspace").get("workspaceId").asString()));
							overlap.setString(2, item.get("slot").get("end").asString());
							overlap.setString(3, item.get("slot").get("start").asString());
							var rs = overlap.executeQuery();
							rs.next();
							assertThat(rs.getLong(1)).as(item.toString()).isZero();
						}
					}
				}
			}
			assertThat(rooms).isPositive();
			assertThat(items).isPositive();
		}
	}

	static String query(Random random, YearMonth month) {
		int from = 8 + random.nextInt(9);
		String type = TYPES[random.nextInt(TYPES.length)];
		return "city="
				+ java.net.URLEncoder.encode("Ville " + random.nextInt(CITIES), java.nio.charset.StandardCharsets.UTF_8)
				+ "&date=" + month.atDay(1 + random.nextInt(month.lengthOfMonth())) + "&from="
				+ "%02d:00".formatted(from) + "&to=" + "%02d:00".formatted(from + 2)
				+ (type == null ? "" : "&type=" + type) + "&size=20";
	}

	static JsonNode search(HttpClient http, int port, String query) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bookings/v1/availability/search?" + query))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	/**
	 * The catalog and a month of bookings, written straight into booking's tables: the
	 * benchmark measures the search, not the ingestion of 210,000 events.
	 */
	static long seed(Connection sql, YearMonth month) throws Exception {
		sql.setAutoCommit(false);
		Random random = new Random(42);
		String hours = "[" + String.join(",",
				Arrays.stream(java.time.DayOfWeek.values())
					.map(d -> "{\"dayOfWeek\":\"%s\",\"opens\":\"08:00\",\"closes\":\"19:00\"}".formatted(d))
					.toList())
				+ "]";
		long bookings = 0;
		try (PreparedStatement partner = sql.prepareStatement(
				"INSERT INTO catalog_partner (partner_id, name, platform_fee_bps, version) VALUES (?, ?, 1500, 1)");
				PreparedStatement establishment = sql.prepareStatement(
						"""
								INSERT INTO catalog_establishment (establishment_id, partner_id, name, city, city_key, address_line1,
								  postal_code, country, contact_phone, timezone, opening_hours, version)
								VALUES (?, ?, ?, ?, ?, '1 rue de la Gare', '00000', 'FR', '+33400000000', 'Europe/Paris', CAST(? AS json), 1)""");
				PreparedStatement workspace = sql.prepareStatement(
						"""
								INSERT INTO catalog_workspace (workspace_id, establishment_id, partner_id, type, name, capacity, booking_mode,
								  price_unit, price_minor, currency, vat_rate_bps, active, version)
								VALUES (?, ?, ?, ?, ?, ?, 'INSTANT', ?, 2500, 'EUR', 2000, true, 1)""");
				PreparedStatement booking = sql.prepareStatement(
						"""
								INSERT INTO booking (id, workspace_id, establishment_id, partner_id, booker_id, status, exclusive, start_at,
								  end_at, service_date, timezone, workspace_name, price_unit, quantity, currency, unit_price_minor,
								  amount_excl_vat_minor, vat_rate_bps, vat_minor, amount_incl_vat_minor, platform_fee_minor,
								  customer_incl_vat_minor, version, created_at, updated_at)
								VALUES (?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, ?, ?, 'Europe/Paris', 'Bench', ?, 1, 'EUR', 2500, 2500, 2000,
								  500, 3000, 375, 3450, 1, now(), now())""")) {
			for (int c = 0; c < CITIES; c++) {
				for (int e = 0; e < ESTABLISHMENTS_PER_CITY; e++) {
					UUID partnerId = UUID.randomUUID();
					UUID establishmentId = UUID.randomUUID();
					partner.setObject(1, partnerId);
					partner.setString(2, "Partner " + c + "-" + e);
					partner.addBatch();
					establishment.setObject(1, establishmentId);
					establishment.setObject(2, partnerId);
					establishment.setString(3, "Espace " + c + "-" + e);
					establishment.setString(4, "Ville " + c);
					establishment.setString(5, "ville " + c);
					establishment.setString(6, hours);
					establishment.addBatch();
					for (int w = 0; w < WORKSPACES_PER_ESTABLISHMENT; w++) {
						String type = w < 4 || w == 9 ? "DESK" : w < 7 ? "MEETING_ROOM" : "PRIVATE_OFFICE";
						String unit = w == 9 ? "DAY" : w >= 7 ? "HALF_DAY" : "HOUR";
						UUID workspaceId = UUID.randomUUID();
						workspace.setObject(1, workspaceId);
						workspace.setObject(2, establishmentId);
						workspace.setObject(3, partnerId);
						workspace.setString(4, type);
						workspace.setString(5, type + " " + w);
						workspace.setInt(6, "DESK".equals(type) ? 10 : 8);
						workspace.setString(7, unit);
						workspace.addBatch();
						// rooms and offices: one booking on each of 20 different days,
						// never
						// overlapping; desks may overlap up to their 10 places
						List<Integer> days = new ArrayList<>();
						for (int d = 1; d <= month.lengthOfMonth(); d++) {
							days.add(d);
						}
						java.util.Collections.shuffle(days, random);
						for (int b = 0; b < BOOKINGS_PER_WORKSPACE; b++) {
							LocalDate day = month.atDay(days.get(b));
							ZonedDateTime start;
							ZonedDateTime end;
							switch (unit) {
								case "DAY" -> {
									start = day.atTime(8, 0).atZone(PARIS);
									end = day.atTime(19, 0).atZone(PARIS);
								}
								case "HALF_DAY" -> {
									boolean morning = random.nextBoolean();
									start = day.atTime(morning ? 8 : 13, morning ? 0 : 30).atZone(PARIS);
									end = morning ? day.atTime(13, 30).atZone(PARIS) : day.atTime(19, 0).atZone(PARIS);
								}
								default -> {
									start = day.atTime(8 + random.nextInt(9), 0).atZone(PARIS);
									end = start.plusHours(1 + random.nextInt(2));
								}
							}
							booking.setObject(1, UUID.randomUUID());
							booking.setObject(2, workspaceId);
							booking.setObject(3, establishmentId);
							booking.setObject(4, partnerId);
							booking.setObject(5, UUID.randomUUID());
							booking.setBoolean(6, !"DESK".equals(type));
							booking.setTimestamp(7, Timestamp.from(start.toInstant()));
							booking.setTimestamp(8, Timestamp.from(end.toInstant()));
							booking.setObject(9, day);
							booking.setString(10, unit);
							booking.addBatch();
							bookings++;
						}
					}
				}
				partner.executeBatch();
				establishment.executeBatch();
				workspace.executeBatch();
				booking.executeBatch();
				sql.commit();
			}
		}
		try (var analyze = sql.createStatement()) {
			analyze.execute("ANALYZE");
		}
		sql.commit();
		sql.setAutoCommit(true);
		return bookings;
	}

}
