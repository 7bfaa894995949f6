package com.worklib.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.worklib.platform.test.KeycloakDistribution;
import com.worklib.platform.test.KeycloakServer;
import com.worklib.platform.test.PostgresSupport;
import com.worklib.stripe.emulator.StripeEmulator;

/**
 * {@code ./worklib up}: starts the infrastructure, then every service and the gateway,
 * waits until all are ready, prints where everything is, and stops all of it on SIGTERM
 * or Ctrl-C. Data lives under {@code .devstack/} and survives a restart.
 */
public final class DevStack {

	private static final Logger log = LoggerFactory.getLogger(DevStack.class);

	static final int POSTGRES_PORT = 15432;

	static final int KAFKA_PORT = 9092;

	static final int KAFKA_CONTROLLER_PORT = 9093;

	static final int KEYCLOAK_PORT = 8180;

	static final int SMTP_PORT = 3025;

	static final int MAIL_API_PORT = 8025;

	static final int GATEWAY_PORT = 8080;

	/** Services in start order, with their ports and databases. */
	static final List<Service> SERVICES = List.of(new Service("identity-service", 8081, "identity"),
			new Service("venue-service", 8082, "venue"), new Service("booking-service", 8083, "booking"),
			new Service("billing-service", 8084, "billing"), new Service("payment-service", 8085, "payment"),
			new Service("notification-service", 8086, "notification"));

	/**
	 * The pages, behind the gateway: started last, with a database of its own for
	 * sessions.
	 */
	static final Service WEB = new Service("web", 8087, "web");

	record Service(String name, int port, String database) {
	}

	private final Path root;

	private final Path home;

	private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, ServiceProcess> services = new java.util.concurrent.ConcurrentHashMap<>();

	private String kafkaBootstrap;

	private KafkaBroker kafka;

	private PostgresServer postgres;

	private KeycloakServer keycloak;

	/** What {@code ./worklib kill} can crash besides the services. */
	static final List<String> INFRASTRUCTURE = List.of("kafka", "postgres", "keycloak");

	/** {@code ./worklib up} seeds the demo once; the system tests start empty. */
	private boolean seedDemo;

	DevStack(Path root) {
		this(root, root.resolve(".devstack"));
	}

	private DevStack(Path root, Path home) {
		this.root = root;
		this.home = home;
	}

	/**
	 * The stack as {@code ./worklib up} starts it, with its state under {@code home}:
	 * what the system tests run against.
	 */
	public static DevStack at(Path root, Path home) {
		return new DevStack(root, home);
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("worklib.root", ".")).toAbsolutePath().normalize();
		String home = System.getProperty("worklib.home", "");
		DevStack stack = home.isBlank() ? new DevStack(root)
				: new DevStack(root, Path.of(home).toAbsolutePath().normalize());
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
		try {
			stack.seedDemo = !Boolean.getBoolean("worklib.noDemo");
			stack.up();
		}
		catch (RuntimeException ex) {
			log.error("The local stack did not come up: {}", ex.getMessage());
			System.exit(1);
		}
		Thread.currentThread().join();
	}

	public void up() throws IOException, SQLException {
		long begin = System.nanoTime();
		Files.createDirectories(logs());
		Files.deleteIfExists(this.home.resolve("ready"));
		Files.writeString(this.home.resolve("launcher.pid"), String.valueOf(ProcessHandle.current().pid()));

		KeycloakServer keycloak = new KeycloakServer(new KeycloakServer.Options(
				KeycloakDistribution.unpackInto(this.home.resolve("keycloak")), KEYCLOAK_PORT,
				"http://localhost:" + GATEWAY_PORT + "/auth", false, logs().resolve("keycloak.log"), "512m"));
		keycloak.launch();
		this.started.add(keycloak);
		this.keycloak = keycloak;
		recordPid("keycloak", keycloak.process());

		PostgresServer postgres = PostgresServer.start(this.home.resolve("postgres"), POSTGRES_PORT,
				logs().resolve("postgres.log"));
		this.started.add(postgres);
		this.postgres = postgres;
		recordPid("postgres", ProcessHandle.of(postgres.pid()).orElseThrow());
		PostgresSupport.Database admin = postgres.admin();
		for (Service service : SERVICES) {
			PostgresSupport.createDatabaseIfMissing(admin, service.database());
		}
		PostgresSupport.createDatabaseIfMissing(admin, WEB.database());
		log.info("PostgreSQL 17 on {}", POSTGRES_PORT);

		KafkaBroker kafka = new KafkaBroker(this.home.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT,
				logs().resolve("kafka.log"))
			.start(Duration.ofMinutes(2));
		this.started.add(kafka);
		this.kafka = kafka;
		recordPid("kafka", kafka.process());
		log.info("Kafka on {}", KAFKA_PORT);

		this.started.add(new MailCapture(SMTP_PORT, MAIL_API_PORT).start());
		log.info("SMTP capture on {}, captured mail on http://localhost:{}/api/messages?to=ADDRESS", SMTP_PORT,
				MAIL_API_PORT);
		// webhooks go where Stripe would send them: the public gateway
		this.started.add(new StripeEmulator(StripeEmulator.DEFAULT_PORT,
				"http://127.0.0.1:" + GATEWAY_PORT + "/api/payments/v1/stripe/webhooks",
				StripeEmulator.DEFAULT_WEBHOOK_SECRET, java.time.Clock.systemUTC())
			.start());
		log.info("Stripe emulator on {}", StripeEmulator.DEFAULT_PORT);

		// two at a time: on two cores, more JVMs starting together only slows each of
		// them
		this.kafkaBootstrap = kafka.bootstrapServers();
		List<ServiceProcess> services = new ArrayList<>();
		for (int i = 0; i < SERVICES.size(); i += 2) {
			List<ServiceProcess> pair = new ArrayList<>();
			for (Service service : SERVICES.subList(i, Math.min(i + 2, SERVICES.size()))) {
				pair.add(startService(service.name(), service.port(), kafka.bootstrapServers()));
			}
			for (ServiceProcess process : pair) {
				process.awaitReady(Duration.ofMinutes(3));
				log.info("{} ready on {}", process.name(), process.port());
			}
			services.addAll(pair);
		}
		ServiceProcess gateway = startService("gateway", GATEWAY_PORT, kafka.bootstrapServers());
		gateway.awaitReady(Duration.ofMinutes(3));
		log.info("gateway ready on {}", GATEWAY_PORT);
		startService(WEB.name(), WEB.port(), kafka.bootstrapServers()).awaitReady(Duration.ofMinutes(3));
		log.info("web ready on {} (pages at http://localhost:{}/)", WEB.port(), GATEWAY_PORT);
		keycloak.awaitReady(Duration.ofMinutes(4));
		log.info("Keycloak ready on {}", KEYCLOAK_PORT);

		this.started.add(new ControlServer(this).start());
		if (this.seedDemo) {
			new DemoData(this.home).seedOnce();
		}
		String summary = summary(Duration.ofNanos(System.nanoTime() - begin));
		Path demo = this.home.resolve("demo-seeded");
		if (this.seedDemo && Files.exists(demo)) {
			summary = summary + Files.readString(demo);
		}
		Files.writeString(this.home.resolve("ready"), summary);
		System.out.println(summary);
	}

	private ServiceProcess startService(String name, int port, String kafka) throws IOException {
		Path jar = this.root.resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run ./mvnw -DskipTests install first");
		}
		ServiceProcess process = new ServiceProcess(name, port, jar, logs().resolve(name + ".log"),
				Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "SERVER_PORT", String.valueOf(port),
						// mail links open the pages, through the gateway
						"WORKLIB_WEB_BASE_URL", "http://localhost:" + GATEWAY_PORT, "WORKLIB_BACK_OFFICE_URL",
						"http://localhost:" + GATEWAY_PORT))
			.start();
		this.started.add(process);
		this.services.put(name, process);
		recordPid(name, process.handle());
		return process;
	}

	private void recordPid(String name, ProcessHandle process) throws IOException {
		Path pids = Files.createDirectories(this.home.resolve("pids"));
		Files.writeString(pids.resolve(name + ".pid"), String.valueOf(process.pid()));
	}

	private Path logs() {
		return this.home.resolve("logs");
	}

	static String summary(Duration took) {
		StringBuilder out = new StringBuilder();
		out.append("\nWorklib is up (").append(took.toSeconds()).append(" s)\n\n");
		out.append("  Worklib (pages)      http://localhost:8080/  (sign up, log in, Votre espace)\n");
		out.append("  Gateway (API)        http://localhost:8080/api/...   health: /actuator/health\n");
		out.append(
				"  Token endpoint       POST http://localhost:8080/auth/realms/worklib/protocol/openid-connect/token\n");
		out.append("  Keycloak admin       http://localhost:8180/auth/admin  (admin / dev-only-admin)\n");
		for (Service service : SERVICES) {
			out.append(String.format("  %-20s http://localhost:%d%n", service.name(), service.port()));
		}
		out.append("  PostgreSQL           jdbc:postgresql://127.0.0.1:15432/<service>  (postgres / postgres)\n");
		out.append("  Kafka                127.0.0.1:9092\n");
		out.append("  Captured mail        http://localhost:8025/api/messages?to=ADDRESS  (SMTP 127.0.0.1:3025)\n");
		out.append(
				"  Stripe emulator      http://127.0.0.1:12111  (webhooks to the gateway; /_emulator/… control API)\n\n");
		out.append("  Dev users (password DevPassword-2026, client worklib-cli):\n");
		out.append("    ops@worklib.test (ops), employee@worklib.test, employee2@worklib.test (employee)\n\n");
		out.append("  ./worklib logs SERVICE | ./worklib stop|start SERVICE | ./worklib clock set <ISO instant>"
				+ " | ./worklib down\n");
		return out.toString();
	}

	boolean knows(String name) {
		return "gateway".equals(name) || WEB.name().equals(name)
				|| SERVICES.stream().anyMatch(s -> s.name().equals(name)) || INFRASTRUCTURE.contains(name);
	}

	/**
	 * A crash (failure drill): {@code kill -9} of a service, the gateway, the Kafka
	 * broker or Keycloak, {@code pg_ctl stop -m immediate} of PostgreSQL.
	 * {@link #startService} brings it back.
	 */
	public void killService(String name) throws IOException {
		switch (name) {
			case "kafka" -> this.kafka.kill();
			case "postgres" -> this.postgres.crash(Duration.ofSeconds(30));
			case "keycloak" -> Processes.kill(this.keycloak.process());
			default -> {
				ServiceProcess process = this.services.remove(name);
				if (process != null) {
					this.started.remove(process);
					process.kill();
				}
			}
		}
		log.warn("{} crashed on purpose (./worklib kill)", name);
	}

	/** Stops one service (a failure drill); the rest keeps running. */
	public void stopService(String name) {
		if (INFRASTRUCTURE.contains(name)) {
			throw new IllegalArgumentException(name + " is not a service: ./worklib kill " + name + " crashes it");
		}
		ServiceProcess process = this.services.remove(name);
		if (process != null) {
			this.started.remove(process);
			process.close();
		}
	}

	/** Starts a service stopped by {@link #stopService} and waits until it is ready. */
	public void startService(String name) throws IOException {
		if ("kafka".equals(name)) {
			if (!this.kafka.isRunning()) {
				this.kafka.start(Duration.ofMinutes(2));
				recordPid("kafka", this.kafka.process());
			}
			return;
		}
		if ("postgres".equals(name)) {
			this.postgres.restart(Duration.ofMinutes(2));
			recordPid("postgres", ProcessHandle.of(this.postgres.pid()).orElseThrow());
			return;
		}
		if ("keycloak".equals(name)) {
			if (!this.keycloak.process().isAlive()) {
				// its file database keeps the users; the realm import skips a realm it
				// has
				this.keycloak.launch();
				recordPid("keycloak", this.keycloak.process());
			}
			this.keycloak.awaitReady(Duration.ofMinutes(4));
			return;
		}
		if (this.services.containsKey(name)) {
			return;
		}
		int port = "gateway".equals(name) ? GATEWAY_PORT : WEB.name().equals(name) ? WEB.port()
				: SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().port();
		startService(name, port, this.kafkaBootstrap).awaitReady(Duration.ofMinutes(3));
	}

	/** Stops everything this launcher started, newest first. */
	public void stop() {
		List<AutoCloseable> toStop = new ArrayList<>(this.started);
		Collections.reverse(toStop);
		// services and the gateway all at once: each takes seconds to drain, and none
		// depends on another
		List<ProcessHandle> services = toStop.stream()
			.filter(ServiceProcess.class::isInstance)
			.map(s -> ((ServiceProcess) s).handle())
			.toList();
		Processes.stopAll(services, Duration.ofSeconds(30));
		for (AutoCloseable closeable : toStop) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				log.warn("Could not stop {}: {}", closeable, ex.getMessage());
			}
		}
		this.started.clear();
		try {
			Files.deleteIfExists(this.home.resolve("ready"));
			Files.deleteIfExists(this.home.resolve("launcher.pid"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
