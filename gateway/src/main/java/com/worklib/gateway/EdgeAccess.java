package com.worklib.gateway;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may pass the edge: the API ({@code /api/**}) needs a valid token except for CORS
 * preflights and the public paths of {@code worklib.gateway.public-paths}
 * ({@code "GET /path"} opens one method, {@code "/path"} every method); everything else
 * (Keycloak, web's pages, health, API documents) passes, and is protected further in.
 * <p>
 * The same rules as a list of {@code pathMatchers(...).permitAll()}, checked in one loop
 * over pre-parsed patterns: Spring Security evaluates such a list as a reactive chain per
 * request and formats a debug message per pattern even when debug is off (commons-logging
 * 1.3 formats before the level check), which cost more than the rest of the authorization
 * (ADR 26).
 */
final class EdgeAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

	private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

	private final List<Rule> publicPaths;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	EdgeAccess(List<String> publicPaths) {
		List<Rule> rules = new ArrayList<>();
		for (String entry : publicPaths) {
			String[] parts = entry.trim().split("\\s+", 2);
			rules.add(parts.length == 2 ? new Rule(HttpMethod.valueOf(parts[0]), parse(parts[1]))
					: new Rule(null, parse(parts[0])));
		}
		this.publicPaths = List.copyOf(rules);
	}

	private static PathPattern parse(String pattern) {
		return PathPatternParser.defaultInstance.parse(pattern);
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		if (!needsToken(context.getExchange().getRequest())) {
			return Mono.just(GRANTED);
		}
		return authentication
			.<AuthorizationResult>map(a -> a.isAuthenticated() && !this.trust.isAnonymous(a) ? GRANTED : DENIED)
			.defaultIfEmpty(DENIED);
	}

	boolean needsToken(ServerHttpRequest request) {
		PathContainer path = request.getPath().pathWithinApplication();
		HttpMethod method = request.getMethod();
		if (HttpMethod.OPTIONS.equals(method) || !API.matches(path)) {
			return false;
		}
		for (Rule rule : this.publicPaths) {
			if ((rule.method() == null || rule.method().equals(method)) && rule.pattern().matches(path)) {
				return false;
			}
		}
		return true;
	}

	private record Rule(HttpMethod method, PathPattern pattern) {
	}

}
