package com.worklib.gateway;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's decoder behind a memory of tokens it already validated: a client sends
 * the same access token with every request of its session, and verifying its RS256
 * signature each time was the gateway's largest per-request cost (ADR 13). Only validated
 * tokens are kept, keyed by their whole text, and used strictly before their {@code exp}
 * by the gateway's clock; after that the decoder validates (and refuses) them again. The
 * services do the same behind it (platform {@code VerifiedTokenCache}).
 */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder delegate;

	private final Cache<String, Jwt> verified;

	private final Clock clock;

	CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, long maximumSize, Duration maximumAge, Clock clock) {
		this.delegate = delegate;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maximumAge).build();
		this.clock = clock;
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		Jwt remembered = this.verified.getIfPresent(token);
		if (remembered != null && this.clock.instant().isBefore(remembered.getExpiresAt())) {
			return Mono.just(remembered);
		}
		return this.delegate.decode(token).doOnNext(jwt -> {
			if (jwt.getExpiresAt() != null) {
				this.verified.put(token, jwt);
			}
		});
	}

}
