package com.worklib.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform, started once per test JVM by the command a newcomer types,
 * {@code ./worklib up -d} (its fixed local ports, the launcher's own classpath under
 * {@code devstack/target/lib}), with its state under {@code system-tests/target/platform}
 * so every run starts empty, and stopped by {@code ./worklib down}.
 */
final class Platform {

	static final String GATEWAY = "http://localhost:8080";

	static final String MAILBOX = "http://127.0.0.1:8025";

	static final String STRIPE = "http://127.0.0.1:12111";

	static final List<Integer> SERVICE_PORTS = List.of(8081, 8082, 8083, 8084, 8085, 8086);

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	/**
	 * Where the platform's state is; with {@link #REUSE}, the {@code WORKLIB_HOME} the
	 * running stack was started with.
	 */
	static final Path HOME = "true".equals(System.getenv("WORKLIB_REUSE_PLATFORM"))
			&& System.getenv("WORKLIB_HOME") != null ? Path.of(System.getenv("WORKLIB_HOME"))
					: Path.of("target", "platform").toAbsolutePath();

	private static boolean up;

	private Platform() {
	}

	/**
	 * {@code WORKLIB_REUSE_PLATFORM=true}: run against the stack {@code ./worklib up}
	 * already started (a developer's loop), and leave it running.
	 */
	static final boolean REUSE = "true".equals(System.getenv("WORKLIB_REUSE_PLATFORM"));

	static synchronized void start() throws Exception {
		if (up || REUSE) {
			return;
		}
		for (int port : List.of(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8087, 8099, 8180, 15432, 9092, 3025, 8025,
				12111)) {
			requireFree(port);
		}
		deleteRecursively(HOME);
		Runtime.getRuntime().addShutdownHook(new Thread(Platform::stop, "platform-stop"));
		up = true;
		worklib(Duration.ofMinutes(12), "up", "-d");
	}

	/**
	 * Stops everything while the test JVM is still in charge: a shutdown hook alone can
	 * be cut short when the build ends the fork, leaving Keycloak and Kafka behind.
	 */
	static synchronized void stop() {
		if (up) {
			up = false;
			try {
				worklib(Duration.ofMinutes(3), "down");
			}
			catch (Exception ex) {
				System.err.println("./worklib down failed: " + ex.getMessage());
			}
		}
	}

	/**
	 * {@code ./worklib stop NAME}: one service down, the rest of the platform running.
	 */
	static void stopService(String name) throws Exception {
		worklib(Duration.ofMinutes(2), "stop", name);
	}

	/**
	 * {@code ./worklib kill NAME}: a crash of a service, the gateway, {@code kafka} or
	 * {@code keycloak} ({@code kill -9}), or of {@code postgres}
	 * ({@code pg_ctl stop -m immediate}).
	 */
	static void killService(String name) throws Exception {
		worklib(Duration.ofMinutes(2), "kill", name);
	}

	/** {@code ./worklib start NAME}: back, and ready. */
	static void startService(String name) throws Exception {
		worklib(Duration.ofMinutes(4), "start", name);
	}

	private static void worklib(Duration timeout, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("worklib").toString()));
		command.addAll(List.of(args));
		Files.createDirectories(HOME);
		Path output = HOME.resolve("worklib-" + args[0] + ".out");
		ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
		builder.environment().put("WORKLIB_HOME", HOME.toString());
		builder.environment().put("WORKLIB_DEMO", "false");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		Process process = builder.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("./worklib " + String.join(" ", args) + " still running after " + timeout);
		}
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		System.out.println(printed);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"./worklib " + String.join(" ", args) + " exited with " + process.exitValue() + ":\n" + printed);
		}
	}

	private static void requireFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + port
					+ " is taken: the system tests start the platform on the local stack's ports; stop ./worklib first");
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
