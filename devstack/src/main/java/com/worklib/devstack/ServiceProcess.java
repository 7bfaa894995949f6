package com.worklib.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot service (or the gateway) run from its jar in the dev profile, with an
 * explicit heap.
 */
final class ServiceProcess implements AutoCloseable {

	private final String name;

	private final int port;

	private final Path jar;

	private final Path logFile;

	private final Map<String, String> environment;

	private Process process;

	ServiceProcess(String name, int port, Path jar, Path logFile, Map<String, String> environment) {
		this.name = name;
		this.port = port;
		this.jar = jar;
		this.logFile = logFile;
		this.environment = environment;
	}

	ServiceProcess start() throws IOException {
		Files.createDirectories(this.logFile.getParent());
		ProcessBuilder builder = new ProcessBuilder(List.of(Processes.javaExecutable(), "-Xmx256m", "-Xss512k",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dreactor.netty.native=false", "-jar",
				this.jar.toString(), "--spring.profiles.active=dev"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
		builder.environment().putAll(this.environment);
		this.process = builder.start();
		return this;
	}

	void awaitReady(Duration timeout) {
		Processes.awaitHttpOk(this.process, "http://127.0.0.1:" + this.port + "/actuator/health/readiness", timeout,
				this.name, this.logFile);
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	ProcessHandle handle() {
		return this.process.toHandle();
	}

	/** {@code kill -9}: no shutdown hook, no drain. */
	void kill() {
		Processes.kill(this.process.toHandle());
	}

	@Override
	public void close() {
		Processes.stop(this.process, Duration.ofSeconds(20));
	}

	@Override
	public String toString() {
		return this.name;
	}

}
