package com.worklib.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's executable jar started as a child JVM, the way it runs in production: its
 * own heap, its own port, configured by environment variables. Closing it stops it.
 */
final class ServiceProcess implements AutoCloseable {

	private final String module;

	private final Process process;

	final int port;

	private ServiceProcess(String module, Process process, int port) {
		this.module = module;
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts {@code ../<module>/target/<module>-0.1.0-SNAPSHOT-exec.jar} with the given
	 * JVM flags (always give a heap) and application arguments, and waits until
	 * {@code /actuator/health/readiness} answers 200. Extra JVM flags come from
	 * {@code -Dbenchmark.serviceJvmArgs} (a JFR recording, another GC).
	 */
	static ServiceProcess start(String module, List<String> jvmArgs, Map<String, String> env, List<String> args)
			throws Exception {
		int port = com.worklib.platform.test.FreePorts.find();
		Path jar = Path.of("..", module, "target", module + "-0.1.0-SNAPSHOT-exec.jar");
		assertThat(jar).as("build it first: ./mvnw -q -DskipTests install").exists();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmArgs);
		String extra = System.getProperty("benchmark.serviceJvmArgs", "");
		if (!extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(
				List.of("-jar", jar.toString(), "--logging.structured.format.console=", "--logging.level.root=WARN"));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", module + ".log").toFile()));
		builder.environment().putAll(env);
		builder.environment().put("SERVER_PORT", String.valueOf(port));
		ServiceProcess service = new ServiceProcess(module, builder.start(), port);
		service.awaitReady();
		return service;
	}

	/**
	 * The gateway in front of one service ({@code serviceUri}: the gateway's variable for
	 * it, such as {@code BOOKING_URI}), tokens from the given Keycloak, its per-user rate
	 * limit out of the benchmark's way, on the transport the deployments use (NIO;
	 * {@code -Dbenchmark.nettyNative=true} for epoll).
	 */
	static ServiceProcess gateway(com.worklib.platform.test.KeycloakServer keycloak, String serviceUri,
			ServiceProcess service) throws Exception {
		return start("gateway",
				List.of("-Xmx256m", "-XX:+UseSerialGC",
						"-Dreactor.netty.native=" + System.getProperty("benchmark.nettyNative", "false")),
				Map.of("WORKLIB_ISSUER_URI", keycloak.issuer(), "WORKLIB_JWKS_URI", keycloak.jwksUri(), serviceUri,
						service.baseUrl(), "KEYCLOAK_URI", "http://127.0.0.1:" + keycloak.port(), "GATEWAY_USER_RATE",
						"1000000", "GATEWAY_USER_BURST", "1000000"),
				List.of());
	}

	/**
	 * CPU time this JVM has used so far (user and system, all threads), as the operating
	 * system counts it: the difference over a measured window is what the window cost
	 * this service, whatever else the host was doing.
	 */
	Duration cpuTime() {
		return this.process.toHandle()
			.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("this OS does not report a process's CPU time"));
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	private void awaitReady() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(this.process.isAlive()).as(this.module + " exited; see target/" + this.module + ".log").isTrue();
			try {
				if (http
					.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (java.io.IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError(this.module + " not ready; see target/" + this.module + ".log");
	}

	/** {@code kill -9}: no shutdown hook, no graceful stop, as when a node dies. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

}
