package com.worklib.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.PostgresSupport;
import com.worklib.stripe.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment run of 10,000 due payouts by payment-service (child JVM) against the Stripe
 * emulator at the configured client-side rate limit; the service is killed with
 * {@code kill -9} halfway, restarted, and a second run finishes the work. Asserts that
 * the emulator then holds exactly one transfer per payout.
 */
class PaymentRunBenchmark {

	static final int PAYOUTS = Integer.getInteger("benchmark.payouts", 10_000);

	static final int RATE = Integer.getInteger("benchmark.stripeRate", 20);

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void payTenThousandPayoutsThroughACrash() throws Exception {
		PostgresSupport.Database db = PostgresSupport.freshDatabase("payment_benchmark");
		var keycloak = KeycloakSupport.server();
		try (StripeEmulator emulator = new StripeEmulator(0).start()) {
			Map<String, String> env = Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", db.username(),
					"DATABASE_PASSWORD", db.password(), "KAFKA_BOOTSTRAP_SERVERS", KafkaSupport.bootstrapServers(),
					"WORKLIB_ISSUER_URI", keycloak.issuer(), "WORKLIB_JWKS_URI", keycloak.jwksUri(), "STRIPE_API_KEY",
					"sk_test_benchmark", "STRIPE_WEBHOOK_SECRET", StripeEmulator.DEFAULT_WEBHOOK_SECRET,
					"STRIPE_API_BASE", emulator.baseUrl(), "STRIPE_REQUESTS_PER_SECOND", String.valueOf(RATE));
			List<String> jvm = List.of("-Xmx384m", "-XX:+UseSerialGC");
			var dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
			JdbcClient jdbc = JdbcClient.create(dataSource);
			LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

			ServiceProcess first = ServiceProcess.start("payment-service", jvm, env, List.of());
			seed(new JdbcTemplate(dataSource), emulator, today);
			long begin = System.nanoTime();
			startRun(first);
			while (emulator.transferGroups().size() < PAYOUTS / 2) {
				Thread.sleep(100);
			}
			double firstHalf = (System.nanoTime() - begin) / 1e9;
			int atKill = emulator.transferGroups().size();
			first.kill();
			System.out.printf(
					"%nBENCHMARK payment run: %d transfers in %.1f s (%.1f transfers/s at a %d req/s limit), then kill -9%n",
					atKill, firstHalf, atKill / firstHalf, RATE);

			long restart = System.nanoTime();
			try (ServiceProcess second = ServiceProcess.start("payment-service", jvm, env, List.of())) {
				double restartSeconds = (System.nanoTime() - restart) / 1e9;
				long rerun = System.nanoTime();
				String runId = startRun(second);
				String run = awaitRun(second, runId);
				double rerunSeconds = (System.nanoTime() - rerun) / 1e9;
				double total = (System.nanoTime() - begin) / 1e9;

				List<String> groups = emulator.transferGroups();
				long transferred = jdbc.sql("SELECT count(*) FROM payout WHERE status = 'TRANSFERRED'")
					.query(Long.class)
					.single();
				System.out.printf(
						"BENCHMARK payment run after restart (%.1f s to ready): %s in %.1f s; whole job %.1f s; emulator holds %d transfers for %d distinct invoices; %d payouts TRANSFERRED%n",
						restartSeconds, run, rerunSeconds, total, groups.size(), new HashSet<>(groups).size(),
						transferred);
				assertThat(groups).hasSize(PAYOUTS);
				assertThat(new HashSet<>(groups)).hasSize(PAYOUTS);
				assertThat(transferred).isEqualTo(PAYOUTS);
			}
		}
	}

	/** PAYOUTS partners, each with an enabled Stripe account and one payout due today. */
	static void seed(JdbcTemplate template, StripeEmulator emulator, LocalDate today) {
		List<Object[]> accounts = new ArrayList<>();
		List<Object[]> payouts = new ArrayList<>();
		for (int i = 0; i < PAYOUTS; i++) {
			UUID partner = UUID.randomUUID();
			accounts.add(new Object[] { partner, emulator.createEnabledAccount("p" + i + "@bench.example") });
			payouts.add(new Object[] { UUID.randomUUID(), partner, UUID.randomUUID(),
					"BENCH%05d-%d-%05d".formatted(i, today.getYear(), 1), 10_000L + i, today, today.plusDays(5) });
		}
		template.batchUpdate("""
				INSERT INTO connected_account (partner_id, stripe_account_id, status, payouts_enabled, version,
				    created_at, updated_at) VALUES (?, ?, 'ENABLED', true, 1, now(), now())""", accounts);
		template.batchUpdate("""
				INSERT INTO payout (payout_id, partner_id, invoice_id, invoice_number, amount_minor, currency,
				    planned_date, deadline, status, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, 'PLANNED', 1, now(), now())""", payouts);
	}

	String startRun(ServiceProcess service) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/payments/v1/payment-runs"))
				.header("Authorization", "Bearer " + KeycloakSupport.tokenFor(KeycloakSupport.OPS))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		Matcher id = Pattern.compile("\"runId\":\"([^\"]+)\"").matcher(response.body());
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

	String awaitRun(ServiceProcess service, String runId) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (System.nanoTime() < deadline) {
			String body = this.http
				.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/payments/v1/payment-runs/" + runId))
					.header("Authorization", "Bearer " + KeycloakSupport.tokenFor(KeycloakSupport.OPS))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			if (!body.contains("\"RUNNING\"")) {
				return body;
			}
			Thread.sleep(1_000);
		}
		throw new AssertionError("Run " + runId + " did not finish");
	}

}
