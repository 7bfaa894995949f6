package com.worklib.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.PostgresSupport;
import com.worklib.platform.test.HostConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway adds to a request: the same authenticated {@code GET whoami} sent
 * open-loop at a fixed rate straight to billing-service and through the gateway, in one
 * run, both as child JVMs on real PostgreSQL, Kafka and Keycloak. Latency is measured
 * from the moment a request was due, not from when it was sent, so a stalled server
 * cannot hide its queue (no coordinated omission). Target: the gateway adds at most 10 ms
 * at p99.
 */
class GatewayLatencyBenchmark {

	static final int RATE = Integer.getInteger("benchmark.rate", 500);

	static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("benchmark.warmUpSeconds", 20));

	static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 30));

	/**
	 * Also through {@link BareProxy}: what any proxy on this HTTP stack costs at least.
	 */
	static final boolean FLOOR = Boolean.getBoolean("benchmark.floor");

	@Test
	void gatewayOverheadAtAFixedRate() throws Exception {
		String host = HostConditions.calibrate();
		PostgresSupport.Database db = PostgresSupport.freshDatabase("gateway_benchmark");
		var keycloak = KeycloakSupport.server();
		Map<String, String> common = Map.of("WORKLIB_ISSUER_URI", keycloak.issuer(), "WORKLIB_JWKS_URI",
				keycloak.jwksUri());
		try (ServiceProcess billing = ServiceProcess.start("billing-service", List.of("-Xmx512m", "-XX:+UseSerialGC"),
				merge(common,
						Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", db.username(), "DATABASE_PASSWORD",
								db.password(), "KAFKA_BOOTSTRAP_SERVERS", KafkaSupport.bootstrapServers())),
				List.of()); ServiceProcess gateway = ServiceProcess.gateway(keycloak, "BILLING_URI", billing)) {
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(Executors.newVirtualThreadPerTaskExecutor())
				.build();
			URI direct = URI.create(billing.baseUrl() + "/api/billing/v1/whoami");
			URI viaGateway = URI.create(gateway.baseUrl() + "/api/billing/v1/whoami");
			String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);

			// warm both JITs the way a production gateway is warm: many requests first
			warmUp(http, direct, token);
			warmUp(http, viaGateway, token);
			openLoop(http, direct, token, WARM_UP);
			openLoop(http, viaGateway, token, WARM_UP);
			token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
			Map<String, Supplier<Duration>> processes = new LinkedHashMap<>();
			processes.put("load generator", HostConditions::clientCpuTime);
			processes.put("billing-service", billing::cpuTime);
			processes.put("gateway", gateway::cpuTime);
			var window = HostConditions.window(processes);
			Result straight = openLoop(http, direct, token, MEASURE);
			String straightCosts = window.end(straight.sorted.length);
			token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
			window = HostConditions.window(processes);
			Result through = openLoop(http, viaGateway, token, MEASURE);
			String throughCosts = window.end(through.sorted.length);
			String floor = FLOOR ? floor(http, billing, processes) : null;

			System.out.printf("%nBENCHMARK GET /api/billing/v1/whoami open-loop at %d req/s for %d s each%n", RATE,
					MEASURE.toSeconds());
			System.out.println("BENCHMARK   straight to billing-service: " + straight);
			System.out.println("BENCHMARK   through the gateway:         " + through);
			System.out.printf(
					"BENCHMARK   the gateway adds: p50 %+.1f ms, p90 %+.1f ms, p99 %+.1f ms (target p99 <= 10 ms)%n",
					through.p(0.50) - straight.p(0.50), through.p(0.90) - straight.p(0.90),
					through.p(0.99) - straight.p(0.99));
			System.out.printf("BENCHMARK   %s%nBENCHMARK   straight: %s%nBENCHMARK   through:  %s%n", host,
					straightCosts, throughCosts);
			if (floor != null) {
				System.out.println("BENCHMARK   through a bare reactor-netty proxy (no checks at all): " + floor);
			}
			System.out.println();
			assertThat(straight.errors).as("failed requests straight to the service").isZero();
			assertThat(through.errors).as("failed requests through the gateway").isZero();
		}
	}

	/**
	 * The same traffic through {@link BareProxy}, warmed up like the gateway: its result
	 * and CPU per request.
	 */
	static String floor(HttpClient http, ServiceProcess billing, Map<String, Supplier<Duration>> processes)
			throws Exception {
		int port = com.worklib.platform.test.FreePorts.find();
		Process proxy = new ProcessBuilder(
				java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:+UseSerialGC", "-Dreactor.netty.native=false", "-cp", System.getProperty("java.class.path"),
				BareProxy.class.getName(), String.valueOf(port), billing.baseUrl())
			.inheritIO()
			.start();
		try {
			URI viaProxy = URI.create("http://127.0.0.1:" + port + "/api/billing/v1/whoami");
			String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (true) {
				try {
					http.send(HttpRequest.newBuilder(viaProxy).header("Authorization", "Bearer " + token).build(),
							HttpResponse.BodyHandlers.discarding());
					break;
				}
				catch (java.io.IOException notYet) {
					assertThat(System.nanoTime()).as("BareProxy listening").isLessThan(deadline);
					Thread.sleep(200);
				}
			}
			warmUp(http, viaProxy, token);
			openLoop(http, viaProxy, token, WARM_UP);
			Map<String, Supplier<Duration>> measured = new LinkedHashMap<>(processes);
			measured.put("bare proxy", () -> proxy.toHandle().info().totalCpuDuration().orElseThrow());
			var window = HostConditions.window(measured);
			Result result = openLoop(http, viaProxy, token, MEASURE);
			assertThat(result.errors).as("failed requests through the bare proxy").isZero();
			return result + "; " + window.end(result.sorted.length);
		}
		finally {
			proxy.destroy();
			proxy.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * Sends requests at {@link #RATE} per second whatever the answers do, for the given
	 * time, and waits for the last answers.
	 */
	static Result openLoop(HttpClient http, URI uri, String token, Duration duration) throws InterruptedException {
		int count = (int) (RATE * duration.toSeconds());
		long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
		long[] latencies = new long[count];
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch answered = new CountDownLatch(count);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
		for (int i = 0; i < count; i++) {
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			int index = i;
			http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
				latencies[index] = System.nanoTime() - due;
				if (failure != null || response.statusCode() != 200) {
					if (errors.incrementAndGet() == 1) {
						System.out.println("BENCHMARK   first failure on " + uri + ": "
								+ (failure != null ? failure : "status " + response.statusCode()));
					}
				}
				answered.countDown();
			});
		}
		assertThat(answered.await(60, TimeUnit.SECONDS)).as("answers to " + uri).isTrue();
		Arrays.sort(latencies);
		return new Result(latencies, errors.get());
	}

	/** {@code benchmark.warmUpRequests} requests as fast as 8 clients can send them. */
	static void warmUp(HttpClient http, URI uri, String token) throws Exception {
		int requests = Integer.getInteger("benchmark.warmUpRequests", 30_000);
		HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
		java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(requests);
		try (var clients = Executors.newFixedThreadPool(8)) {
			for (int c = 0; c < 8; c++) {
				clients.submit(() -> {
					while (left.decrementAndGet() >= 0) {
						http.send(request, HttpResponse.BodyHandlers.discarding());
					}
					return null;
				});
			}
		}
	}

	static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
		var merged = new java.util.HashMap<>(a);
		merged.putAll(b);
		return merged;
	}

	record Result(long[] sorted, int errors) {

		double p(double quantile) {
			return this.sorted[(int) Math.min(this.sorted.length - 1, Math.floor(this.sorted.length * quantile))] / 1e6;
		}

		@Override
		public String toString() {
			return "%d requests, %d errors, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(
					this.sorted.length, this.errors, p(0.50), p(0.90), p(0.99),
					this.sorted[this.sorted.length - 1] / 1e6);
		}

	}

}
