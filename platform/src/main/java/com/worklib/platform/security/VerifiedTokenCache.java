package com.worklib.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Bearer tokens that already passed signature and claim validation, remembered until they
 * expire: a client sends the same access token with every request of its session, and
 * verifying its RS256 signature again each time was the largest single cost of a request
 * (ADR 13). Only successfully validated tokens are kept, keyed by the whole token text; a
 * remembered token is used only strictly before its {@code exp} by the service's clock,
 * after which the decoder validates it again (and refuses it). Bounded in size; JWTs
 * cannot be revoked before they expire whether or not they are cached.
 */
public final class VerifiedTokenCache {

	private final Cache<String, Jwt> tokens;

	private final Supplier<Clock> clock;

	public VerifiedTokenCache(long maximumSize, Duration maximumAge, Supplier<Clock> clock) {
		this.tokens = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maximumAge).build();
		this.clock = clock;
	}

	/** The validated token for this text, or null when it must be validated again. */
	public Jwt get(String token) {
		Jwt jwt = this.tokens.getIfPresent(token);
		if (jwt == null) {
			return null;
		}
		if (!this.clock.get().instant().isBefore(jwt.getExpiresAt())) {
			this.tokens.invalidate(token);
			return null;
		}
		return jwt;
	}

	/** Remembers a token the decoder has just validated (never one without expiry). */
	public Jwt remember(String token, Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt != null) {
			this.tokens.put(token, jwt);
		}
		return jwt;
	}

	long size() {
		this.tokens.cleanUp();
		return this.tokens.estimatedSize();
	}

}
