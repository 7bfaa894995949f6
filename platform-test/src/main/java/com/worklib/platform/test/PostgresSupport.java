package com.worklib.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL 17 server per JVM, and a fresh database per caller. Which server, in
 * order:
 * <ol>
 * <li>{@code WORKLIB_TEST_JDBC_URL} (+ {@code _USER}, {@code _PASSWORD}): an existing
 * server, for example a managed one in a pipeline;</li>
 * <li>Testcontainers {@code postgres:17} when a Docker engine answers and
 * {@code WORKLIB_TEST_TESTCONTAINERS} is not {@code false};</li>
 * <li>zonky embedded PostgreSQL 17 otherwise (no Docker: this machine and CI).</li>
 * </ol>
 */
public final class PostgresSupport {

	private static final Logger log = LoggerFactory.getLogger(PostgresSupport.class);

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	// each engine below registers its own shutdown hook: how it stops depends on which
	// one it is
	private static final JvmSingleton<Server> SERVER = new JvmSingleton<>(PostgresSupport::start, server -> {
	});

	private PostgresSupport() {
	}

	/** A JDBC URL with its credentials. */
	public record Database(String jdbcUrl, String username, String password) {

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
		}

	}

	record Server(String baseUrl, String username, String password) {

		String url(String database) {
			return this.baseUrl + database;
		}

	}

	/** Creates a new, empty database; its name starts with {@code prefix}. */
	public static Database freshDatabase(String prefix) {
		Server s = server();
		String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
				+ SEQUENCE.incrementAndGet())
			.toLowerCase(Locale.ROOT);
		if (name.length() > 60) {
			name = name.substring(name.length() - 60);
		}
		createDatabase(s, name);
		return new Database(s.url(name), s.username(), s.password());
	}

	/**
	 * Creates {@code name} on {@code admin}'s server unless it exists (used by the local
	 * stack).
	 */
	public static void createDatabaseIfMissing(Database admin, String name) {
		try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
			var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
			if (!rs.next()) {
				statement.execute("CREATE DATABASE \"" + name + "\"");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	/**
	 * Starts (or reopens) an embedded PostgreSQL 17 keeping its data in
	 * {@code dataDirectory}, for the local stack.
	 */
	public static EmbeddedPostgres startPersistent(Path dataDirectory, int port) {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setServerConfig("max_connections", "300")
				// zonky turns it off for speed; then a commit is answered before its WAL
				// is written, and `./worklib kill postgres` (an immediate stop) loses
				// bookings clients were told were saved. On, with zonky's fsync off, a
				// commit costs one write(2), and only an OS crash can lose it.
				.setServerConfig("synchronous_commit", "on")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	private static void createDatabase(Server s, String name) {
		try (Connection connection = DriverManager.getConnection(s.url("postgres"), s.username(), s.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
	}

	private static Server server() {
		return SERVER.get();
	}

	private static Server start() {
		String explicit = System.getenv("WORKLIB_TEST_JDBC_URL");
		if (explicit != null && !explicit.isBlank()) {
			String base = explicit.substring(0, explicit.lastIndexOf('/') + 1);
			log.info("Tests use the PostgreSQL server at {}", base);
			return new Server(base, env("WORKLIB_TEST_JDBC_USER", "postgres"),
					env("WORKLIB_TEST_JDBC_PASSWORD", "postgres"));
		}
		if (!"false".equals(System.getenv("WORKLIB_TEST_TESTCONTAINERS")) && dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17").withCommand("postgres", "-c",
					"max_connections=300");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			String url = container.getJdbcUrl();
			return new Server(url.substring(0, url.lastIndexOf('/') + 1), container.getUsername(),
					container.getPassword());
		}
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off");
			if (Boolean.getBoolean("worklib.postgres.trackStatements")) {
				// benchmarks: where the server's time goes (CREATE EXTENSION
				// pg_stat_statements in the database to read it)
				builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
			}
			String sharedBuffers = System.getProperty("worklib.postgres.sharedBuffers");
			if (sharedBuffers != null && !sharedBuffers.isBlank()) {
				// benchmarks: a production-like buffer cache instead of the default 128
				// MB
				builder.setServerConfig("shared_buffers", sharedBuffers);
			}
			EmbeddedPostgres postgres = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Embedded PostgreSQL did not stop cleanly", ex);
				}
			}));
			return new Server("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/", "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | NoClassDefFoundError ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
