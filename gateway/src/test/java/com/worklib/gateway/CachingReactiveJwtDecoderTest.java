package com.worklib.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingReactiveJwtDecoderTest {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	Instant now = NOW;

	final Clock clock = new Clock() {
		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return CachingReactiveJwtDecoderTest.this.now;
		}
	};

	final AtomicInteger validations = new AtomicInteger();

	/** Accepts "good-*" tokens until 5 minutes after NOW, refuses everything else. */
	final ReactiveJwtDecoder validating = token -> {
		this.validations.incrementAndGet();
		if (!token.startsWith("good-") || !this.now.isBefore(NOW.plusSeconds(300))) {
			return Mono.error(new BadJwtException("refused"));
		}
		return Mono.just(Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject(token)
			.issuedAt(NOW)
			.expiresAt(NOW.plusSeconds(300))
			.build());
	};

	final CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(this.validating, 100,
			Duration.ofMinutes(15), this.clock);

	@Test
	void aTokenIsVerifiedOnceWhileItIsValidAndAgainOnceExpired() {
		assertThat(this.decoder.decode("good-a").block().getSubject()).isEqualTo("good-a");
		this.now = NOW.plusSeconds(299);
		assertThat(this.decoder.decode("good-a").block().getSubject()).isEqualTo("good-a");
		assertThat(this.validations).hasValue(1);

		this.now = NOW.plusSeconds(300);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("good-a").block());
		assertThat(this.validations).hasValue(2);
	}

	@Test
	void aRefusedTokenIsNeverRemembered() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged").block());
		}
		assertThat(this.validations).hasValue(2);
	}

}
