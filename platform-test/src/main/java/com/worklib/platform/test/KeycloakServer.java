package com.worklib.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Keycloak server run as a child process from an unpacked distribution, with the
 * {@code worklib} realm imported. Its issuer is {@code publicUrl} (in the local stack,
 * the gateway's {@code /auth}); tokens and keys are fetched directly on
 * {@code 127.0.0.1:port}.
 */
public final class KeycloakServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

	public static final String REALM = "worklib";

	public static final String CLI_CLIENT = "worklib-cli";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Options options;

	private Process process;

	/**
	 * @param home the unpacked distribution
	 * @param port the HTTP port Keycloak listens on (127.0.0.1)
	 * @param publicUrl the URL of {@code /auth} as clients see it; the issuer derives
	 * from it
	 * @param inMemory an in-memory database (tests) or a file database under
	 * {@code home/data} (local stack, kept between runs)
	 * @param logFile where Keycloak's output goes
	 */
	public record Options(Path home, int port, String publicUrl, boolean inMemory, Path logFile, String maxHeap) {
	}

	public KeycloakServer(Options options) {
		this.options = options;
	}

	/** Launches Keycloak and waits until the realm answers. */
	public KeycloakServer start(Duration timeout) {
		launch();
		awaitReady(timeout);
		return this;
	}

	/**
	 * Launches Keycloak without waiting: it takes 20–30 s, which a launcher can use for
	 * other work.
	 */
	public KeycloakServer launch() {
		try {
			Path importDir = Files.createDirectories(this.options.home().resolve("data/import"));
			try (InputStream realm = KeycloakDistribution.realm()) {
				Files.copy(realm, importDir.resolve("worklib-realm.json"), StandardCopyOption.REPLACE_EXISTING);
			}
			KeycloakDistribution.installThemes(this.options.home());
			List<String> command = new ArrayList<>(List.of(this.options.home().resolve("bin/kc.sh").toString(),
					"start-dev", "--http-host=127.0.0.1", "--http-port=" + this.options.port(),
					"--http-relative-path=/auth", "--hostname=" + this.options.publicUrl(),
					"--hostname-backchannel-dynamic=true", "--import-realm", "--cache=local"));
			command.add(this.options.inMemory() ? "--db=dev-mem" : "--db=dev-file");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.options.logFile().toFile()));
			Map<String, String> env = builder.environment();
			env.put("JAVA_HOME", System.getProperty("java.home"));
			env.put("JAVA_OPTS", "-Xms64m -Xmx" + this.options.maxHeap()
					+ " -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true");
			env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
			env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
			env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "dev-only-admin");
			Files.createDirectories(this.options.logFile().getParent());
			log.info("Starting Keycloak on port {} (log: {})", this.options.port(), this.options.logFile());
			this.process = builder.start();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ProcessHandle process() {
		return this.process.toHandle();
	}

	public int port() {
		return this.options.port();
	}

	public String issuer() {
		return this.options.publicUrl() + "/realms/" + REALM;
	}

	/** Where services fetch signing keys: Keycloak directly, whatever the issuer says. */
	public String jwksUri() {
		return directUrl() + "/realms/" + REALM + "/protocol/openid-connect/certs";
	}

	public String tokenUri() {
		return directUrl() + "/realms/" + REALM + "/protocol/openid-connect/token";
	}

	public String directUrl() {
		return "http://127.0.0.1:" + this.options.port() + "/auth";
	}

	/**
	 * An access token for a user, by the password grant of the {@code worklib-cli}
	 * client.
	 */
	public String accessToken(String username, String password) {
		Map<String, String> form = Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username,
				"password", password, "scope", "openid");
		JsonNode body = postForm(tokenUri(), form);
		return body.get("access_token").asString();
	}

	/** An access token for a confidential client's service account. */
	public String clientCredentialsToken(String clientId, String secret) {
		JsonNode body = postForm(tokenUri(),
				Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
		return body.get("access_token").asString();
	}

	private JsonNode postForm(String uri, Map<String, String> form) {
		String encoded = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(encoded))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"Token request failed: " + response.statusCode() + " " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public void awaitReady(Duration timeout) {
		URI wellKnown = URI.create(directUrl() + "/realms/" + REALM + "/.well-known/openid-configuration");
		long deadline = System.nanoTime() + timeout.toNanos();
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(
							"Keycloak exited with " + this.process.exitValue() + "; see " + this.options.logFile());
				}
				try {
					HttpResponse<Void> response = http.send(HttpRequest.newBuilder(wellKnown).GET().build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						log.info("Keycloak ready on port {}", this.options.port());
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(500);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		close();
		throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + this.options.logFile());
	}

	/** Stops Keycloak and the JVM that {@code kc.sh} started. */
	@Override
	public void close() {
		if (this.process == null) {
			return;
		}
		List<ProcessHandle> tree = new ArrayList<>(this.process.descendants().toList());
		tree.add(this.process.toHandle());
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		}
	}

}
