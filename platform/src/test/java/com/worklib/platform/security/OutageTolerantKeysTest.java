package com.worklib.platform.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak stops answering: a service keeps the keys it fetched, past their cache time,
 * so tokens issued before the outage stay valid (fault 6).
 */
class OutageTolerantKeysTest {

	private final byte[] jwks;

	private final AtomicInteger served = new AtomicInteger();

	private final JWKSelector kc1 = new JWKSelector(new JWKMatcher.Builder().keyID("kc-1").build());

	OutageTolerantKeysTest() throws Exception {
		this.jwks = new JWKSet(new RSAKeyGenerator(2048).keyID("kc-1").generate().toPublicJWK()).toString()
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A Keycloak that serves one key, kc-1, at {@code /certs}. */
	private HttpServer keycloak(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/certs", exchange -> {
			this.served.incrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, this.jwks.length);
			exchange.getResponseBody().write(this.jwks);
			exchange.close();
		});
		server.start();
		return server;
	}

	private static String certs(int port) {
		return "http://127.0.0.1:" + port + "/certs";
	}

	@Test
	void keysFetchedBeforeAnOutageAreKeptPastTheirCacheTime() throws Exception {
		HttpServer keycloak = keycloak(0);
		JWKSource<SecurityContext> keys = OutageTolerantKeys.source(certs(keycloak.getAddress().getPort()),
				Duration.ofMillis(400), Duration.ofHours(1));
		assertThat(keys.get(this.kc1, null)).extracting(JWK::getKeyID).containsExactly("kc-1");
		keycloak.stop(0);
		Thread.sleep(800);

		assertThat(keys.get(this.kc1, null)).extracting(JWK::getKeyID).containsExactly("kc-1");
	}

	/**
	 * identity-service had verified no token since it started, before Keycloak was up,
	 * when Keycloak went away: the keys are fetched once the service is ready, again
	 * until Keycloak answers, not when the first token comes.
	 */
	@Test
	void aServiceThatVerifiedNoTokenYetHoldsTheKeysWhenKeycloakGoesAway() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		OutageTolerantKeys keys = new OutageTolerantKeys(certs(port), Duration.ofSeconds(2));
		try {
			keys.onApplicationEvent(null);
			// Keycloak comes up a little after the service, as in the local stack
			Thread.sleep(1500);
			HttpServer keycloak = keycloak(port);
			Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> this.served.get() > 0);
			keycloak.stop(0);

			assertThat(keys.keys().get(this.kc1, null)).extracting(JWK::getKeyID).containsExactly("kc-1");
		}
		finally {
			keys.destroy();
		}
	}

}
