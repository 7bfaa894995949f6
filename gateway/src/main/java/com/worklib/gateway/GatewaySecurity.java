package com.worklib.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
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

	static final List<String> OPEN_PATHS = List.of("/auth/**", "/actuator/health", "/actuator/health/**",
			"/actuator/info", "/actuator/prometheus", "/api-docs", "/api-docs/*", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**", "/webjars/**");

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewayProperties properties) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			// POST /logout belongs to web (it ends the Keycloak session): the gateway has
			// none
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.cors(cors -> cors.configurationSource(corsConfigurationSource(properties)))
			.headers(headers -> headers
				.referrerPolicy(
						referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
				.hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
			.authorizeExchange(exchange -> {
				exchange.pathMatchers(OPEN_PATHS.toArray(String[]::new)).permitAll();
				exchange.pathMatchers(HttpMethod.OPTIONS, "/**").permitAll();
				for (String entry : properties.publicPaths()) {
					// "GET /path" limits the exception to one method; "/path" opens every
					// method
					String[] parts = entry.trim().split("\\s+", 2);
					if (parts.length == 2) {
						exchange.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
					}
					else {
						exchange.pathMatchers(parts[0]).permitAll();
					}
				}
				// the API needs a token at the edge; the pages of web sign people in
				// themselves
				// (their session cookie never carries a token), so they pass
				exchange.pathMatchers("/api/**").authenticated();
				exchange.anyExchange().permitAll();
			})
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> {
			})
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
