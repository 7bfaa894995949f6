package com.worklib.platform.security;

import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.ApplicationListener;

/**
 * Keycloak's signing keys as a service holds them, so that tokens issued before a
 * Keycloak outage keep working in every service (fault 6 of the fault suite,
 * docs/reliability.md, ADR 27):
 * <ul>
 * <li>fetched once the service is ready, before any request needs them, then again in the
 * background before each 5-minute cache time runs out (a service that verified no token
 * for a while still holds them when Keycloak goes away);</li>
 * <li>fetched at once for a key id it does not know (rotation), at most every 30 s;</li>
 * <li>with 2 s timeouts, and, while Keycloak cannot be reached, the last keys kept for 24
 * hours.</li>
 * </ul>
 * Spring's default keeps them 5 minutes, fetched on demand, and a service whose cache had
 * expired refused every token with a 500. Keeping a public key longer lets nobody forge
 * anything; a key Keycloak stopped publishing is dropped at the next fetch that succeeds.
 */
final class OutageTolerantKeys implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutageTolerantKeys.class);

	static final Duration CACHED = Duration.ofMinutes(5);

	static final Duration OUTAGE_TOLERATED = Duration.ofHours(24);

	private final JWKSource<SecurityContext> keys;

	OutageTolerantKeys(String jwkSetUri) {
		this(jwkSetUri, CACHED);
	}

	/** {@code cached}: also sets how often a failed fetch may be tried again (half). */
	OutageTolerantKeys(String jwkSetUri, Duration cached) {
		this.keys = source(jwkSetUri, cached, OUTAGE_TOLERATED);
	}

	static JWKSource<SecurityContext> source(String jwkSetUri, Duration cached, Duration outageTolerated) {
		long ttl = cached.toMillis();
		try {
			return JWKSourceBuilder
				.<SecurityContext>create(URI.create(jwkSetUri).toURL(),
						new DefaultResourceRetriever(2000, 2000, 256_000))
				.cache(ttl, Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, ttl / 4))
				.refreshAheadCache(Math.min(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, ttl / 4), true)
				.rateLimited(Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, ttl / 2))
				.outageTolerant(outageTolerated.toMillis())
				.retrying(true)
				.build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("Not a URL: " + jwkSetUri, ex);
		}
	}

	JWKSource<SecurityContext> keys() {
		return this.keys;
	}

	/** Boot's decoder (issuer, expiry, audience checks) with these keys, RS256 only. */
	JwkSetUriJwtDecoderBuilderCustomizer customizer() {
		return builder -> builder.jwtProcessorCustomizer(processor -> processor
			.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, this.keys)));
	}

	/**
	 * The first fetch, off the startup thread, retried until it succeeds: Keycloak may
	 * come up after the service (it does in the local stack), and a service that gets no
	 * token for a while must hold the keys all the same before Keycloak next goes away.
	 */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Thread.ofVirtual().name("signing-keys-warm-up").start(() -> {
			Duration wait = Duration.ofSeconds(1);
			for (int attempt = 1; !this.closed; attempt++) {
				try {
					this.keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
					return;
				}
				catch (KeySourceException ex) {
					if (attempt == 1) {
						log.warn("Keycloak's signing keys could not be fetched yet, trying again: {}", ex.getMessage());
					}
				}
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException ex) {
					return;
				}
				wait = wait.multipliedBy(2).compareTo(WARM_UP_RETRY_MAX) > 0 ? WARM_UP_RETRY_MAX : wait.multipliedBy(2);
			}
		});
	}

	private static final Duration WARM_UP_RETRY_MAX = Duration.ofSeconds(30);

	private volatile boolean closed;

	@Override
	public void destroy() throws IOException {
		this.closed = true;
		if (this.keys instanceof Closeable closeable) {
			closeable.close();
		}
	}

}
