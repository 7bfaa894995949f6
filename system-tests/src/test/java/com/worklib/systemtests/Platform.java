package com.worklib.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.worklib.devstack.DevStack;

/**
 * The whole platform, started once per test JVM by the same launcher as
 * {@code ./worklib up} (its fixed local ports), with its state under
 * {@code system-tests/target/platform} so every run starts empty.
 */
final class Platform {

	static final String GATEWAY = "http://localhost:8080";

	static final String MAILBOX = "http://127.0.0.1:8025";

	static final String STRIPE = "http://127.0.0.1:12111";

	static final List<Integer> SERVICE_PORTS = List.of(8081, 8082, 8083, 8084, 8085, 8086);

	private static DevStack stack;

	private Platform() {
	}

	static synchronized DevStack get() throws Exception {
		if (stack == null) {
			for (int port : List.of(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8180, 15432, 9092, 3025, 8025, 12111)) {
				requireFree(port);
			}
			Path home = Path.of("target", "platform").toAbsolutePath();
			deleteRecursively(home);
			DevStack started = DevStack.at(Path.of("..").toAbsolutePath().normalize(), home);
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "platform-stop"));
			started.up();
			stack = started;
		}
		return stack;
	}

	/**
	 * Stops everything while the test JVM is still in charge: a shutdown hook alone can
	 * be cut short when the build ends the fork, leaving Keycloak and Kafka behind.
	 */
	static synchronized void stop() {
		if (stack != null) {
			stack.stop();
			stack = null;
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
