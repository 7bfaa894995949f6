package com.worklib.gateway;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Tokens are validated at the edge (issuer, signature, expiry) and relayed unchanged;
 * each service validates them again. {@code /auth/**} (Keycloak), health and the public
 * API paths pass without a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewayProperties properties) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.authorizeExchange(exchange -> {
				exchange
					.pathMatchers("/auth/**", "/actuator/health", "/actuator/health/**", "/actuator/info",
							"/actuator/prometheus")
					.permitAll();
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
				exchange.anyExchange().authenticated();
			})
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> {
			})
				.authenticationEntryPoint((exchange, ex) -> problem(exchange.getResponse(), HttpStatus.UNAUTHORIZED,
						"unauthorized", "A valid bearer token is required"))
				.accessDeniedHandler((exchange, ex) -> problem(exchange.getResponse(), HttpStatus.FORBIDDEN,
						"forbidden", "You are not allowed to do this")))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((exchange, ex) -> problem(exchange.getResponse(), HttpStatus.UNAUTHORIZED,
						"unauthorized", "A valid bearer token is required"))
				.accessDeniedHandler((exchange, ex) -> problem(exchange.getResponse(), HttpStatus.FORBIDDEN,
						"forbidden", "You are not allowed to do this")))
			.build();
	}

	static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String type, String detail) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.getHeaders().set("WWW-Authenticate", "Bearer");
		}
		String body = """
				{"type":"https://docs.worklib.example/problems/%s","title":"%s","status":%d,"detail":"%s"}"""
			.formatted(type, status.getReasonPhrase(), status.value(), detail);
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
