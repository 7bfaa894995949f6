package com.worklib.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Tokens are validated at the edge (RS256 signature against Keycloak's keys, issuer,
 * audience {@code worklib-api}, expiry) and relayed unchanged; each service validates
 * them again. {@code /auth/**} (Keycloak), health, API documents and the public API paths
 * pass without a token. Browsers may call from the configured web origins only; every
 * response carries the usual security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewayProperties properties) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			// POST /logout belongs to web (it ends the Keycloak session): the gateway has
			// none
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// stateless: a token on every request, no session of its own to look up or
			// create (web's session cookie passes through to web untouched)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.cors(cors -> cors.configurationSource(corsConfigurationSource(properties)))
			.headers(headers -> headers
				.referrerPolicy(
						referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
				.hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
			// the API needs a token at the edge, but for its public paths; the pages of
			// web sign people in themselves (their session cookie never carries a token)
			.authorizeExchange(exchange -> exchange.anyExchange().access(new EdgeAccess(properties.publicPaths())))
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> {
			})
				.bearerTokenConverter(new BearerTokenHeader())
				.authenticationEntryPoint((exchange, ex) -> GatewayProblems.write(exchange.getResponse(),
						HttpStatus.UNAUTHORIZED, GatewayProblems.defaultDetail(401)))
				.accessDeniedHandler((exchange, ex) -> GatewayProblems.write(exchange.getResponse(),
						HttpStatus.FORBIDDEN, GatewayProblems.defaultDetail(403))))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((exchange, ex) -> GatewayProblems.write(exchange.getResponse(),
						HttpStatus.UNAUTHORIZED, GatewayProblems.defaultDetail(401)))
				.accessDeniedHandler((exchange, ex) -> GatewayProblems.write(exchange.getResponse(),
						HttpStatus.FORBIDDEN, GatewayProblems.defaultDetail(403))))
			.build();
	}

	/**
	 * Spring Security's strict firewall, its header checks without regular expressions.
	 */
	@Bean
	ServerWebExchangeFirewall firewall() {
		return HeaderCharacters.firewall();
	}

	/**
	 * No observation per security filter, authentication and authorization: the
	 * {@code http.server.requests} one covers the request. Switching them off by property
	 * left a decorator around every filter of the chain (ADR 13, ADR 26).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Keys come from Keycloak's JWKS endpoint, cached, and fetched again when a token is
	 * signed with a key id the cache does not know (key rotation). A validated token is
	 * remembered until it expires ({@link CachingReactiveJwtDecoder}).
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, GatewayProperties properties,
			Clock clock) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSetUri(resourceServer.getJwt().getJwkSetUri())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(tokenValidator(resourceServer.getJwt().getIssuerUri(), properties.audience(), clock));
		return new CachingReactiveJwtDecoder(decoder, 10_000, Duration.ofMinutes(15), clock);
	}

	static OAuth2TokenValidator<Jwt> tokenValidator(String issuer, String audience, Clock clock) {
		JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(30));
		expiry.setClock(clock);
		return new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(issuer),
				new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)));
	}

	static CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.corsAllowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "Idempotency-Key",
				"X-Correlation-Id", "traceparent"));
		cors.setExposedHeaders(
				List.of("Location", "Retry-After", "X-Correlation-Id", "X-RateLimit-Remaining", "Content-Disposition"));
		// bearer tokens, no cookies: credentials are never needed cross-origin
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		// the API only: the pages and Keycloak's login are same-origin, and their forms
		// may
		// carry "Origin: null" (a no-referrer page), which CORS would refuse
		source.registerCorsConfiguration("/api/**", cors);
		return source;
	}

}
