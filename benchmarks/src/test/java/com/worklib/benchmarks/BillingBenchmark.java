package com.worklib.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Topics;
import com.worklib.contracts.booking.BookingPayload;
import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.PostgresSupport;
import com.worklib.platform.test.HostConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * billing-service as a child JVM on real PostgreSQL, Kafka and Keycloak: (1) ingest of
 * booking events into billable items, (2) the month-end close of 1,000,000 billable items
 * across 10,000 partners with one replica, then another month with two replicas in one
 * consumer group, (3) invoice PDFs rendered per second.
 */
class BillingBenchmark {

	static final int INGEST_BOOKINGS = Integer.getInteger("benchmark.ingestBookings", 100_000);

	static final int PARTNERS = Integer.getInteger("benchmark.partners", 10_000);

	static final int ITEMS_PER_PARTNER = Integer.getInteger("benchmark.itemsPerPartner", 100);

	static final String CONCURRENCY = System.getProperty("benchmark.closeConcurrency", "3");

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void ingestAndClose() throws Exception {
		System.out.println("BENCHMARK " + HostConditions.calibrate());
		PostgresSupport.Database db = PostgresSupport.freshDatabase("billing_benchmark");
		var keycloak = KeycloakSupport.server();
		Map<String, String> env = Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", db.username(),
				"DATABASE_PASSWORD", db.password(), "KAFKA_BOOTSTRAP_SERVERS", KafkaSupport.bootstrapServers(),
				"WORKLIB_ISSUER_URI", keycloak.issuer(), "WORKLIB_JWKS_URI", keycloak.jwksUri());
		List<String> args = List.of("--worklib.billing.close.concurrency=" + CONCURRENCY,
				"--spring.datasource.hikari.maximum-pool-size=12", "--worklib.outbox.batch-size=500");
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
		Statements.reset(jdbc);
		try (ServiceProcess first = ServiceProcess.start("billing-service", List.of("-Xmx768m", "-XX:+UseSerialGC"),
				env, args)) {
			ingest(jdbc);
			seed(jdbc, "2026-09", 1);
			Statements.reset(jdbc);
			HostConditions.Cpu before = HostConditions.cpu();
			Result one = close(first, jdbc, "2026-09");
			System.out.printf("BENCHMARK close 2026-09 with one replica: %s%nBENCHMARK   %s%n", one,
					HostConditions.cpu().since(before));
			Statements.printTop(jdbc, 15);
			try (ServiceProcess second = ServiceProcess.start("billing-service",
					List.of("-Xmx768m", "-XX:+UseSerialGC"), env, args)) {
				// let the second replica join the close-commands group before the fan-out
				Thread.sleep(10_000);
				seed(jdbc, "2026-08", 2);
				before = HostConditions.cpu();
				Result two = close(first, jdbc, "2026-08");
				System.out.printf("BENCHMARK close 2026-08 with two replicas: %s%nBENCHMARK   %s%n", two,
						HostConditions.cpu().since(before));
			}
			pdfs(first, jdbc);
		}
	}

	/**
	 * 2 events per booking (REQUESTED then CONFIRMED), 1,000 partners, sent as fast as
	 * Kafka takes them.
	 */
	void ingest(JdbcClient jdbc) throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		List<UUID> partners = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			partners.add(UUID.randomUUID());
		}
		long begin = System.nanoTime();
		try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers",
				KafkaSupport.bootstrapServers(), "key.serializer", StringSerializer.class, "value.serializer",
				StringSerializer.class, "linger.ms", 10, "batch.size", 262144, "compression.type", "lz4"))) {
			for (int i = 0; i < INGEST_BOOKINGS; i++) {
				UUID partner = partners.get(i % partners.size());
				UUID booking = UUID.randomUUID();
				LocalDate date = LocalDate.of(2026, 10, 1 + i % 31);
				Instant start = date.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant();
				var price = new BookingPayload.PriceSnapshot("HOUR", "1", new MoneyAmount(3500, "EUR"),
						new MoneyAmount(3500, "EUR"), 2000, new MoneyAmount(700, "EUR"), new MoneyAmount(4200, "EUR"),
						null, null);
				for (String status : new String[] { "REQUESTED", "CONFIRMED" }) {
					BookingPayload payload = new BookingPayload(booking, UUID.randomUUID(), UUID.randomUUID(), partner,
							UUID.randomUUID(), status, start, start.plusSeconds(3600), date, "Europe/Paris", price,
							null, null, "REQUESTED".equals(status) ? 1 : 2);
					producer.send(new ProducerRecord<>(Topics.BOOKING_BOOKINGS, partner.toString(),
							json.writeValueAsString(payload)));
				}
			}
		}
		double sent = (System.nanoTime() - begin) / 1e9;
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		long confirmed = 0;
		while (System.nanoTime() < deadline) {
			confirmed = jdbc.sql("SELECT count(*) FROM billable_item WHERE booking_status = 'CONFIRMED'")
				.query(Long.class)
				.single();
			if (confirmed == INGEST_BOOKINGS) {
				break;
			}
			Thread.sleep(200);
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		assertThat(confirmed).isEqualTo(INGEST_BOOKINGS);
		System.out.printf(
				"%nBENCHMARK ingest: %d booking events (sent in %.1f s) -> %d billable items in %.1f s: %.0f events/s%n",
				2 * INGEST_BOOKINGS, sent, INGEST_BOOKINGS, seconds, 2 * INGEST_BOOKINGS / seconds);
	}

	/**
	 * PARTNERS partners with billing information, mandate and ITEMS_PER_PARTNER confirmed
	 * bookings in month.
	 */
	static void seed(JdbcClient jdbc, String month, int set) {
		long begin = System.nanoTime();
		String p = "md5('p" + set + "-' || i)::uuid";
		jdbc.sql("INSERT INTO billing_partner SELECT " + p + ", 'B" + set
				+ "' || lpad(i::text, 5, '0'), 'Partner ' || i, 1 " + "FROM generate_series(1, :n) i")
			.param("n", PARTNERS)
			.update();
		jdbc.sql("INSERT INTO billing_profile SELECT " + p + ", 'Partner ' || i || ' SAS', 'SAS', '44306184100047', "
				+ "'FR64443061841', 'STANDARD', '1 rue', NULL, '69002', 'Lyon', 'FR', 'b' || i || '@example.com', now(), "
				+ p + " FROM generate_series(1, :n) i")
			.param("n", PARTNERS)
			.update();
		jdbc.sql("INSERT INTO self_billing_mandate SELECT " + p + ", '2026-11', now(), " + p
				+ " FROM generate_series(1, :n) i")
			.param("n", PARTNERS)
			.update();
		jdbc.sql("INSERT INTO billable_item (booking_id, partner_id, workspace_id, service_date, service_month, "
				+ "booking_status, kind, amount_excl_minor, currency, vat_rate_bps, booking_version, updated_at) "
				+ "SELECT md5('b" + set + "-' || i || '-' || j)::uuid, " + p + ", md5('w-' || i)::uuid, "
				+ "(:month || '-01')::date + (j % 28), :month, 'CONFIRMED', 'BOOKING', 1000 + j, 'EUR', 2000, 1, now() "
				+ "FROM generate_series(1, :n) i, generate_series(1, :k) j")
			.param("n", PARTNERS)
			.param("k", ITEMS_PER_PARTNER)
			.param("month", month)
			.update();
		// statistics for what was just loaded, as autovacuum would have them; the tables
		// the close fills (invoices, lines, outbox) keep the statistics they have, as in
		// production (ANALYZE of an empty invoice table would let every connection cache
		// a sequential-scan plan for the whole close)
		jdbc.sql("ANALYZE billable_item, billing_partner, billing_profile, self_billing_mandate").update();
		System.out.printf("BENCHMARK seeded %s: %d partners x %d items in %.1f s%n", month, PARTNERS, ITEMS_PER_PARTNER,
				(System.nanoTime() - begin) / 1e9);
	}

	Result close(ServiceProcess service, JdbcClient jdbc, String month) throws Exception {
		String token = KeycloakSupport.tokenFor(KeycloakSupport.OPS);
		long begin = System.nanoTime();
		HttpResponse<String> started = this.http
			.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/billing/v1/closings"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"month\":\"" + month + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).isEqualTo(202);
		Matcher id = Pattern.compile("\"closingId\":\"([^\"]+)\"").matcher(started.body());
		assertThat(id.find()).isTrue();
		String progress = "";
		// one token for the whole close: a password grant costs Keycloak a deliberately
		// slow
		// hash, which would steal the CPU being measured
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (System.nanoTime() < deadline) {
			progress = this.http
				.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/billing/v1/closings/" + id.group(1)))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			if (progress.contains("\"status\":\"DONE\"")) {
				break;
			}
			Thread.sleep(500);
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		assertThat(progress).contains("\"status\":\"DONE\"");
		long invoices = jdbc.sql("SELECT count(*) FROM invoice WHERE month = :m")
			.param("m", month)
			.query(Long.class)
			.single();
		long lines = jdbc
			.sql("SELECT count(*) FROM invoice_line l JOIN invoice i USING (invoice_id) WHERE i.month = :m")
			.param("m", month)
			.query(Long.class)
			.single();
		long issuedEvents = jdbc.sql(
				"SELECT count(*) FROM outbox_event WHERE ce_type = 'billing.InvoiceIssued' AND published_at IS NOT NULL")
			.query(Long.class)
			.single();
		assertThat(invoices).isEqualTo(PARTNERS);
		assertThat(lines).isEqualTo((long) PARTNERS * ITEMS_PER_PARTNER);
		return new Result(month, invoices, lines, seconds, issuedEvents);
	}

	void pdfs(ServiceProcess service, JdbcClient jdbc) throws Exception {
		List<String> ids = jdbc.sql("SELECT CAST(invoice_id AS text) FROM invoice LIMIT 200")
			.query(String.class)
			.list();
		String token = KeycloakSupport.tokenFor(KeycloakSupport.OPS);
		long begin = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> sizes = new ArrayList<>();
			for (String invoiceId : ids) {
				sizes.add(pool.submit(() -> {
					HttpResponse<byte[]> pdf = this.http.send(HttpRequest
						.newBuilder(URI.create(service.baseUrl() + "/api/billing/v1/invoices/" + invoiceId + "/pdf"))
						.header("Authorization", "Bearer " + token)
						.build(), HttpResponse.BodyHandlers.ofByteArray());
					assertThat(pdf.statusCode()).isEqualTo(200);
					return pdf.body().length;
				}));
			}
			for (Future<Integer> size : sizes) {
				assertThat(size.get()).isPositive();
			}
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		System.out.printf("BENCHMARK PDFs: %d invoices of %d lines rendered with Factur-X in %.1f s: %.1f PDFs/s%n%n",
				ids.size(), ITEMS_PER_PARTNER, seconds, ids.size() / seconds);
	}

	record Result(String month, long invoices, long lines, double seconds, long issuedEventsPublished) {

		@Override
		public String toString() {
			return "%d invoices, %d lines in %.1f s (%.0f invoices/s, %.0f lines/s); InvoiceIssued published so far: %d"
				.formatted(this.invoices, this.lines, this.seconds, this.invoices / this.seconds,
						this.lines / this.seconds, this.issuedEventsPublished);
		}

	}

}
