package com.worklib.gateway;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tokens the gateway lets through, claim by claim. */
class TokenValidationTest {

	static final String ISSUER = "http://localhost:8080/auth/realms/worklib";

	static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	final OAuth2TokenValidator<Jwt> validator = GatewaySecurity.tokenValidator(ISSUER, "worklib-api",
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsAFreshTokenForTheApiFromTheRealm() {
		assertThat(this.validator.validate(token(ISSUER, List.of("worklib-api", "account"), NOW.plusSeconds(300)))
			.hasErrors()).isFalse();
	}

	@Test
	void refusesAnExpiredTokenBeyondThirtySecondsOfSkew() {
		assertThat(this.validator.validate(token(ISSUER, List.of("worklib-api"), NOW.minusSeconds(10))).hasErrors())
			.isFalse();
		assertThat(this.validator.validate(token(ISSUER, List.of("worklib-api"), NOW.minusSeconds(31))).hasErrors())
			.isTrue();
	}

	@Test
	void refusesATokenOfAnotherRealm() {
		assertThat(this.validator
			.validate(token("http://localhost:8080/auth/realms/master", List.of("worklib-api"), NOW.plusSeconds(300)))
			.hasErrors()).isTrue();
	}

	@Test
	void refusesATokenIssuedForAnotherAudience() {
		assertThat(this.validator.validate(token(ISSUER, List.of("account"), NOW.plusSeconds(300))).hasErrors())
			.isTrue();
	}

	private static Jwt token(String issuer, List<String> audience, Instant expiresAt) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.issuer(issuer)
			.audience(audience)
			.subject("u")
			.issuedAt(expiresAt.minusSeconds(300))
			.expiresAt(expiresAt)
			.build();
	}

}
