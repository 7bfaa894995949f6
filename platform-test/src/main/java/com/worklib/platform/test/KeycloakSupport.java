package com.worklib.platform.test;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One Keycloak per test JVM, from the cached distribution, with an in-memory database and
 * the {@code worklib} realm freshly imported. Seeded users: {@link #OPS},
 * {@link #EMPLOYEE}, {@link #EMPLOYEE_2}, all with {@link #DEV_PASSWORD}.
 */
public final class KeycloakSupport {

	public static final String OPS = "ops@worklib.test";

	public static final String EMPLOYEE = "employee@worklib.test";

	public static final String EMPLOYEE_2 = "employee2@worklib.test";

	public static final String DEV_PASSWORD = "DevPassword-2026";

	private static final JvmSingleton<KeycloakServer> SERVER = new JvmSingleton<>(KeycloakSupport::start,
			KeycloakServer::close);

	private KeycloakSupport() {
	}

	public static KeycloakServer server() {
		return SERVER.get();
	}

	private static KeycloakServer start() {
		int port = FreePorts.find();
		Path log = Path.of(System.getProperty("java.io.tmpdir"), "worklib-keycloak-" + port + ".log");
		return new KeycloakServer(new KeycloakServer.Options(KeycloakDistribution.cached(), port,
				"http://localhost:" + port + "/auth", true, log, "512m"))
			.start(Duration.ofMinutes(4));
	}

	/** An access token for one of the seeded users. */
	public static String tokenFor(String username) {
		return server().accessToken(username, DEV_PASSWORD);
	}

}
