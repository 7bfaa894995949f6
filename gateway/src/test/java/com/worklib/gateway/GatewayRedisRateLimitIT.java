package com.worklib.gateway;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.worklib.platform.test.FreePorts;
import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.WithKeycloak;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.data.redis.*} set, the buckets live in a real Redis (what compose
 * and k8s run), so every gateway replica shares them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "worklib.gateway.rate-limits.authenticated.per-second=1",
				"worklib.gateway.rate-limits.authenticated.burst=2" })
@AutoConfigureWebTestClient
@WithKeycloak
class GatewayRedisRateLimitIT {

	static final WireMockServer backend = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final int REDIS_PORT = FreePorts.find();

	static final RedisServer redis;

	static {
		backend.start();
		backend.stubFor(any(urlPathMatching("/api/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		try {
			redis = new RedisServer(REDIS_PORT);
			redis.start();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	WebTestClient client;

	@Autowired
	RateLimiter<Object> rateLimiter;

	@Autowired
	ReactiveStringRedisTemplate redisTemplate;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("BOOKING_URI", backend::baseUrl);
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", () -> REDIS_PORT);
	}

	@AfterAll
	static void stop() throws java.io.IOException {
		backend.stop();
		redis.stop();
	}

	@Test
	void keepsEachUsersBucketInRedisAndAnswers429WithRetryAfter() {
		assertThat(this.rateLimiter).isInstanceOf(RateLimiting.RedisBuckets.class);
		String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
		// another person's call first: the keys, the Redis connection and the route warm
		// up
		// in their own bucket, so the five calls below come faster than one refill a
		// second
		this.client.get()
			.uri("/api/bookings/v1/me/bookings")
			.header("Authorization", "Bearer " + KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE_2))
			.exchange()
			.expectStatus()
			.isOk();
		List<EntityExchangeResult<byte[]>> results = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			results.add(this.client.get()
				.uri("/api/bookings/v1/me/bookings")
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectBody()
				.returnResult());
		}
		assertThat(results.subList(0, 2)).allSatisfy(r -> assertThat(r.getStatus().value()).isEqualTo(200));
		// a burst of two at one a second: the calls after it are refused, whatever a slow
		// host's scheduling lets refill in between
		EntityExchangeResult<byte[]> limited = results.subList(2, 5)
			.stream()
			.filter(r -> r.getStatus().value() == 429)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no call past the burst was refused: "
					+ results.stream().map(r -> r.getStatus().value()).toList()));
		assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(limited.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		List<String> keys = this.redisTemplate.keys("request_rate_limiter.*").collectList().block();
		assertThat(keys).anySatisfy(key -> assertThat(key).startsWith("request_rate_limiter.{authenticated.user:"));
	}

}
