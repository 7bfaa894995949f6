package com.worklib.platform.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;

/**
 * Keycloak's signing keys as a service holds them. Fetched with 2 s timeouts, cached 5
 * minutes, fetched again at once for a key it does not know (rotation, at most every 30
 * s), and, when Keycloak cannot be reached, the last keys are kept for 24 hours: tokens
 * issued before an outage keep working in every service. Spring's default keeps them 5
 * minutes and then refused every request of a service whose cache had just expired, with
 * a 500 (fault 6 of the fault suite, docs/reliability.md). Keeping a public key longer
 * lets nobody forge anything; a key Keycloak stopped publishing is dropped at the next
 * fetch that succeeds.
 */
final class OutageTolerantKeys {

	static final Duration CACHED = Duration.ofMinutes(5);

	static final Duration OUTAGE_TOLERATED = Duration.ofHours(24);

	private OutageTolerantKeys() {
	}

	static JWKSource<SecurityContext> source(String jwkSetUri, Duration cached, Duration outageTolerated) {
		try {
			return JWKSourceBuilder
				.<SecurityContext>create(URI.create(jwkSetUri).toURL(),
						new DefaultResourceRetriever(2000, 2000, 256_000))
				.cache(cached.toMillis(),
						Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, cached.toMillis() / 4))
				.refreshAheadCache(false)
				.rateLimited(Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, cached.toMillis() / 2))
				.outageTolerant(outageTolerated.toMillis())
				.retrying(true)
				.build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("Not a URL: " + jwkSetUri, ex);
		}
	}

	/** Boot's decoder (issuer, expiry, audience checks) with these keys, RS256 only. */
	static JwkSetUriJwtDecoderBuilderCustomizer customizer(String jwkSetUri) {
		JWKSource<SecurityContext> keys = source(jwkSetUri, CACHED, OUTAGE_TOLERATED);
		return builder -> builder.jwtProcessorCustomizer(
				processor -> processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys)));
	}

}
