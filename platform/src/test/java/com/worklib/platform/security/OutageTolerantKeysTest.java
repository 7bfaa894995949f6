package com.worklib.platform.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak stops answering after a service fetched its keys: the service keeps them past
 * their cache time, so tokens issued before the outage stay valid (fault 6).
 */
class OutageTolerantKeysTest {

	@Test
	void keysFetchedBeforeAnOutageAreKeptPastTheirCacheTime() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("kc-1").generate();
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		int[] served = new int[1];
		keycloak.createContext("/certs", exchange -> {
			served[0]++;
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		keycloak.start();
		JWKSource<SecurityContext> keys = OutageTolerantKeys.source(
				"http://127.0.0.1:" + keycloak.getAddress().getPort() + "/certs", Duration.ofMillis(200),
				Duration.ofHours(1));
		JWKSelector kc1 = new JWKSelector(new JWKMatcher.Builder().keyID("kc-1").build());

		assertThat(keys.get(kc1, null)).extracting(JWK::getKeyID).containsExactly("kc-1");
		keycloak.stop(0);
		Thread.sleep(400);

		List<JWK> duringTheOutage = keys.get(kc1, null);
		assertThat(duringTheOutage).extracting(JWK::getKeyID).containsExactly("kc-1");
		assertThat(served[0]).isEqualTo(1);
	}

}
