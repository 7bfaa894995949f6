package com.worklib.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.worklib.platform.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingJwtDecoderTest {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	final MovableClock clock = new MovableClock(Clock.fixed(NOW, ZoneOffset.UTC));

	final AtomicInteger validations = new AtomicInteger();

	/** Accepts "good-*" tokens expiring 5 minutes after NOW, refuses everything else. */
	final JwtDecoder validating = token -> {
		this.validations.incrementAndGet();
		if (!token.startsWith("good-")) {
			throw new BadJwtException("bad signature");
		}
		if (!this.clock.instant().isBefore(NOW.plusSeconds(300))) {
			throw new BadJwtException("expired");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject(token)
			.issuedAt(NOW)
			.expiresAt(NOW.plusSeconds(300))
			.build();
	};

	final VerifiedTokenCache cache = new VerifiedTokenCache(100, Duration.ofMinutes(15), () -> this.clock);

	final CachingJwtDecoder decoder = new CachingJwtDecoder(this.validating, this.cache);

	@Test
	void aTokenIsVerifiedOnceWhileItIsValid() {
		assertThat(this.decoder.decode("good-a").getSubject()).isEqualTo("good-a");
		assertThat(this.decoder.decode("good-a").getSubject()).isEqualTo("good-a");
		assertThat(this.decoder.decode("good-b").getSubject()).isEqualTo("good-b");

		assertThat(this.validations).hasValue(2);
	}

	@Test
	void aRefusedTokenIsNeverRemembered() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));
		}
		assertThat(this.validations).hasValue(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void anExpiredTokenIsValidatedAgainAndRefused() {
		this.decoder.decode("good-a");
		this.clock.set(NOW.plusSeconds(299));
		this.decoder.decode("good-a");
		assertThat(this.validations).hasValue(1);

		this.clock.set(NOW.plusSeconds(300));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("good-a"))
			.withMessage("expired");
		assertThat(this.validations).hasValue(2);
	}

}
