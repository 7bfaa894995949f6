package com.worklib.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

/**
 * A standalone KRaft broker (broker and controller in one process) run from the Kafka
 * jars on this JVM's classpath. Its log directory survives restarts.
 */
final class KafkaBroker implements AutoCloseable {

	private final Path home;

	private final int port;

	private final int controllerPort;

	private final Path logFile;

	private Process process;

	KafkaBroker(Path home, int port, int controllerPort, Path logFile) {
		this.home = home;
		this.port = port;
		this.controllerPort = controllerPort;
		this.logFile = logFile;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	KafkaBroker start(Duration timeout) {
		try {
			Files.createDirectories(this.home);
			Path config = this.home.resolve("server.properties");
			Files.writeString(config, """
					process.roles=broker,controller
					node.id=1
					controller.quorum.voters=1@127.0.0.1:%d
					listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
					advertised.listeners=PLAINTEXT://127.0.0.1:%d
					controller.listener.names=CONTROLLER
					inter.broker.listener.name=PLAINTEXT
					listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
					log.dirs=%s
					num.partitions=6
					auto.create.topics.enable=true
					offsets.topic.replication.factor=1
					transaction.state.log.replication.factor=1
					transaction.state.log.min.isr=1
					share.coordinator.state.topic.replication.factor=1
					share.coordinator.state.topic.min.isr=1
					group.initial.rebalance.delay.ms=0
					""".formatted(this.controllerPort, this.port, this.controllerPort, this.port,
					this.home.resolve("data")));
			if (!Files.exists(this.home.resolve("data/meta.properties"))) {
				run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
						config.toString()), Duration.ofMinutes(1));
			}
			this.process = java("-Xmx512m", "kafka.Kafka", config.toString());
			Processes.awaitPort(this.process, this.port, timeout, "Kafka", this.logFile);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ProcessHandle process() {
		return this.process.toHandle();
	}

	/**
	 * {@code kill -9} of the broker; {@link #start} brings it back on the same log
	 * directory.
	 */
	void kill() {
		Processes.kill(this.process.toHandle());
	}

	boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	@Override
	public void close() {
		Processes.stop(this.process, Duration.ofSeconds(30));
	}

	private void run(List<String> mainAndArgs, Duration timeout) throws IOException {
		Process p = java("-Xmx256m", mainAndArgs.toArray(String[]::new));
		try {
			if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
				throw new IllegalStateException("Kafka storage format failed; see " + this.logFile);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Process java(String heap, String... mainAndArgs) throws IOException {
		List<String> command = new java.util.ArrayList<>(List.of(Processes.javaExecutable(), heap, "-XX:+UseSerialGC",
				"-Dlog4j2.level=WARN", "-cp", System.getProperty("java.class.path")));
		command.addAll(List.of(mainAndArgs));
		Files.createDirectories(this.logFile.getParent());
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
			.start();
	}

}
