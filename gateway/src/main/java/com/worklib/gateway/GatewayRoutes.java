package com.worklib.gateway;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * One route per service ({@code worklib.gateway.services}), one to Keycloak for the
 * client-facing paths of its {@code worklib} realm ({@link #KEYCLOAK_PATHS}), and one per
 * service for its OpenAPI document at {@code /api-docs/<route>}. Each route, in this
 * order: request size limit, rate limit, circuit breaker with the route's timeout and a
 * problem+json fallback, and retries for GET only (the only method that is safe to send
 * twice).
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

	static final DataSize AUTH_MAX_REQUEST_SIZE = DataSize.ofKilobytes(64);

	/**
	 * What clients need of Keycloak, and only of the {@code worklib} realm: OpenID
	 * discovery and the OIDC endpoints (authorize, token, keys, user info, logout), the
	 * login pages' form posts and mailed action links, and the login theme's static
	 * resources. The admin console and API, the master realm, client registration and the
	 * account console are not routed, so they answer 404 here whatever the profile.
	 */
	static final List<String> KEYCLOAK_PATHS = List.of("/auth/realms/worklib/.well-known/**",
			"/auth/realms/worklib/protocol/openid-connect/**", "/auth/realms/worklib/login-actions/**",
			"/auth/resources/**");

	@Bean
	RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties properties, KeyResolver clientKeyResolver,
			RateLimiter<Object> rateLimiter, ClientAddressSeal seal) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		properties.services().forEach((id, service) -> {
			if (service.bulk() != null) {
				// before the service's route, which would take these paths too
				String bulk = id + GatewayProperties.BULK;
				routes.route(bulk,
						r -> r.order(BULK_ORDER)
							.path(service.path() + service.bulk().path())
							.filters(f -> protect(f, bulk, properties.bulkMaxRequestSizeOf(service), clientKeyResolver,
									rateLimiter))
							.uri(service.uri()));
			}
			routes.route(id, r -> r.path(service.path() + "/**")
				.filters(f -> protect(f, id, properties.maxRequestSizeOf(service), clientKeyResolver, rateLimiter))
				.uri(service.uri()));
			// the documents after every service and Keycloak: routes are tried in order
			// on
			// every request, and these are the rarest
			routes.route(id + "-api-docs",
					r -> r.order(API_DOCS_ORDER)
						.path("/api-docs/" + id)
						.and()
						.method(HttpMethod.GET)
						.filters(f -> breaker(f.setPath("/v3/api-docs"), id))
						.uri(service.uri()));
		});
		if (properties.keycloakUri() != null) {
			routes.route("keycloak",
					r -> r.path(KEYCLOAK_PATHS.toArray(String[]::new))
						.filters(f -> protect(f.preserveHostHeader(), "keycloak", AUTH_MAX_REQUEST_SIZE,
								clientKeyResolver, rateLimiter))
						.uri(properties.keycloakUri()));
		}
		if (properties.webUri() != null) {
			// the ops console's Neo-nomade upload: web passes it on to venues' import, so
			// it gets the import's body limit and time
			routes.route(GatewayProperties.WEB_IMPORTS,
					r -> r.path(WEB_IMPORTS_PATH)
						.and()
						.method(HttpMethod.POST)
						.filters(f -> toWeb(f, GatewayProperties.WEB_IMPORTS,
								properties.bulkMaxRequestSizeOf(properties.services().get("venues")), seal))
						.uri(properties.webUri()));
			// everything people open in a browser; the API, Keycloak and the API
			// documents
			// keep their own routes, and a path under them that no route takes stays 404
			routes.route("web",
					r -> r.order(Ordered.LOWEST_PRECEDENCE)
						.path("/**")
						.and()
						.not(p -> p.path("/api/**", "/auth/**", "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
								"/webjars/swagger-ui/**", "/v3/api-docs/**", "/actuator/**"))
						.filters(f -> toWeb(f, "web", properties.defaultMaxRequestSize(), seal))
						.uri(properties.webUri()));
		}
		return routes.build();
	}

	static final int API_DOCS_ORDER = 100;

	static final int BULK_ORDER = -1;

	/** The path of the ops console's Neo-nomade upload form. */
	static final String WEB_IMPORTS_PATH = "/ops/imports";

	/**
	 * A page of web: the Host the browser used (web's redirects and OAuth2 callback name
	 * it), the body limit, and the person's address, sealed, for the API calls the page
	 * makes.
	 */
	private static GatewayFilterSpec toWeb(GatewayFilterSpec f, String id, DataSize maxRequestSize,
			ClientAddressSeal seal) {
		GatewayFilterSpec sealed = f.preserveHostHeader()
			.filter(new BodySizeLimit(maxRequestSize))
			.filter((exchange, chain) -> chain.filter(exchange.mutate()
				.request(request -> request.headers(
						h -> h.set(ClientAddressSeal.HEADER, seal.seal(InternalHeadersFilter.clientAddress(exchange)))))
				.build()));
		return breaker(sealed, id);
	}

	private static GatewayFilterSpec protect(GatewayFilterSpec f, String id, DataSize maxRequestSize,
			KeyResolver keyResolver, RateLimiter<Object> rateLimiter) {
		GatewayFilterSpec limited = f.filter(new BodySizeLimit(maxRequestSize))
			.requestRateLimiter(c -> c.setRateLimiter(rateLimiter).setKeyResolver(keyResolver).setDenyEmptyKey(false));
		return breaker(limited, id).filter(new ReadRetry());
	}

	/**
	 * The route's circuit breaker (with its time limiter and bulkhead), and just outside
	 * it the problem+json a client gets when it gives up ({@link RouteFailures}).
	 */
	private static GatewayFilterSpec breaker(GatewayFilterSpec f, String id) {
		return f.filter(new RouteFailures(id)).circuitBreaker(c -> c.setName(id));
	}

	/**
	 * Per route: the circuit opens when half of the last 50 calls (at least 20) failed or
	 * took longer than the route's timeout, and stays open 10 s; calls then fail at once
	 * with 503 instead of waiting for a dead service.
	 */
	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakers(GatewayProperties properties) {
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(50)
			.minimumNumberOfCalls(20)
			.failureRateThreshold(50)
			.slowCallDurationThreshold(Duration.ofSeconds(5))
			.slowCallRateThreshold(80)
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.permittedNumberOfCallsInHalfOpenState(5)
			.build();
		return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(breaker)
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.timeoutOf(id)).build())
			.build());
	}

	/**
	 * At most {@code max-concurrent-calls} requests per route are in flight in one
	 * gateway (Spring Cloud's default, 25, refuses ordinary load): a service that stops
	 * answering ties up at most that many connections, and the excess is refused at once
	 * with 503.
	 */
	@Bean
	Customizer<ReactiveResilience4jBulkheadProvider> bulkheads(GatewayProperties properties) {
		BulkheadConfig bulkhead = BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrentCalls())
			.maxWaitDuration(Duration.ZERO)
			.build();
		return provider -> provider
			.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder().bulkheadConfig(bulkhead).build());
	}

}
