package com.worklib.gateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Rate limits of the {@code RequestRateLimiter} filter: one bucket per signed-in user
 * ({@code user:<subject>}), one per client address for calls without a token
 * ({@code ip:<address>}), one per service account of the platform
 * ({@code service:<client id>}, a larger tier); exempt paths (Stripe webhooks) are never
 * limited. With {@code spring.data.redis.*} configured the buckets live in Redis and
 * every gateway replica shares them; otherwise each gateway keeps them in memory
 * (Bucket4j), which is right for a single gateway.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiting {

	static final String USER = "user:";

	static final String ADDRESS = "ip:";

	static final String SERVICE = "service:";

	@Bean
	KeyResolver clientKeyResolver(GatewayProperties properties) {
		List<PathPattern> exempt = properties.rateLimits()
			.exemptPaths()
			.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
		Set<String> serviceClients = Set.copyOf(properties.rateLimits().services().clients());
		return exchange -> {
			PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
			if (exempt.stream().anyMatch(p -> p.matches(path))) {
				// an empty key passes unlimited (deny-empty-key is off)
				return Mono.empty();
			}
			return exchange.getPrincipal()
				.map(principal -> keyOf(principal, serviceClients))
				.switchIfEmpty(Mono.fromSupplier(() -> ADDRESS + InternalHeadersFilter.clientAddress(exchange)));
		};
	}

	@Bean
	@Primary
	RateLimiter<Object> worklibRateLimiter(GatewayProperties properties, Environment environment,
			ObjectProvider<RedisRateLimiter> redis) {
		boolean redisConfigured = environment.containsProperty("spring.data.redis.host")
				|| environment.containsProperty("spring.data.redis.url");
		RedisRateLimiter shared = redisConfigured ? redis.getIfAvailable() : null;
		return shared != null ? new RedisBuckets(shared, properties.rateLimits())
				: new LocalBuckets(properties.rateLimits());
	}

	/**
	 * A signed token's authorized party ({@code azp}) is the Keycloak client it was
	 * issued to; a service client has no login flow, so only its secret's holder gets
	 * one.
	 */
	static String keyOf(java.security.Principal principal, Set<String> serviceClients) {
		if (principal instanceof JwtAuthenticationToken jwt) {
			String client = jwt.getToken().getClaimAsString("azp");
			if (client != null && serviceClients.contains(client)) {
				return SERVICE + client;
			}
		}
		return USER + principal.getName();
	}

	static GatewayProperties.Tier tierOf(String key, GatewayProperties.RateLimits limits) {
		if (key.startsWith(SERVICE)) {
			return limits.services().tier();
		}
		return key.startsWith(USER) ? limits.authenticated() : limits.anonymous();
	}

	static String tierName(String key) {
		if (key.startsWith(SERVICE)) {
			return "services";
		}
		return key.startsWith(USER) ? "authenticated" : "anonymous";
	}

	/** A limiter with no per-route configuration: the tiers are per key. */
	abstract static class TieredRateLimiter implements RateLimiter<Object> {

		@Override
		public Map<String, Object> getConfig() {
			return Map.of();
		}

		@Override
		public Class<Object> getConfigClass() {
			return Object.class;
		}

		@Override
		public Object newConfig() {
			return new Object();
		}

	}

	/** In-memory buckets, evicted ten minutes after a client's last request. */
	static final class LocalBuckets extends TieredRateLimiter {

		private final GatewayProperties.RateLimits limits;

		private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
			.expireAfterAccess(Duration.ofMinutes(10))
			.maximumSize(500_000)
			.build();

		LocalBuckets(GatewayProperties.RateLimits limits) {
			this.limits = limits;
		}

		@Override
		public Mono<Response> isAllowed(String routeId, String key) {
			GatewayProperties.Tier tier = tierOf(key, this.limits);
			Bucket bucket = this.buckets.get(key,
					k -> Bucket.builder()
						.addLimit(Bandwidth.builder()
							.capacity(tier.burst())
							.refillGreedy(tier.perSecond(), Duration.ofSeconds(1))
							.build())
						.build());
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			Map<String, String> headers = new HashMap<>();
			headers.put("X-RateLimit-Limit", Integer.toString(tier.burst()));
			headers.put("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
			if (!probe.isConsumed()) {
				long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
				headers.put("Retry-After", Long.toString(seconds));
			}
			return Mono.just(new Response(probe.isConsumed(), headers));
		}

	}

	/**
	 * Buckets in Redis through Spring Cloud Gateway's {@link RedisRateLimiter}, one
	 * configuration per tier. When Redis cannot be reached it lets requests through (the
	 * limiter fails open, the services stay reachable).
	 */
	static final class RedisBuckets extends TieredRateLimiter {

		private final RedisRateLimiter redis;

		private final GatewayProperties.RateLimits limits;

		RedisBuckets(RedisRateLimiter redis, GatewayProperties.RateLimits limits) {
			this.redis = redis;
			this.limits = limits;
			configure("authenticated", limits.authenticated());
			configure("anonymous", limits.anonymous());
			configure("services", limits.services().tier());
		}

		private void configure(String name, GatewayProperties.Tier tier) {
			this.redis.getConfig()
				.put(name,
						new RedisRateLimiter.Config().setReplenishRate(tier.perSecond())
							.setBurstCapacity(tier.burst())
							.setRequestedTokens(1));
		}

		@Override
		public Mono<Response> isAllowed(String routeId, String key) {
			return this.redis.isAllowed(tierName(key), key).map(response -> {
				if (response.isAllowed()) {
					return response;
				}
				Map<String, String> headers = new HashMap<>(response.getHeaders());
				headers.put("Retry-After", "1");
				return new Response(false, headers);
			});
		}

	}

}
