package com.worklib.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.WithKeycloak;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits and token expiry, with small buckets (3 per user, 2 per address, 8 per
 * service account, refilled at one per second) and a clock the test can move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "worklib.gateway.rate-limits.authenticated.per-second=1",
				"worklib.gateway.rate-limits.authenticated.burst=3",
				"worklib.gateway.rate-limits.anonymous.per-second=1", "worklib.gateway.rate-limits.anonymous.burst=2",
				"worklib.gateway.rate-limits.services.per-second=1", "worklib.gateway.rate-limits.services.burst=8" })
@AutoConfigureWebTestClient
@WithKeycloak
class GatewayLimitsIT {

	static final WireMockServer backend = StandInServices.started();

	static final MovableClock clock = new MovableClock();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		StandInServices.routeAllTo(registry, backend);
	}

	@AfterAll
	static void stop() {
		backend.stop();
	}

	@Test
	void limitsEachSignedInUserToTheirOwnBucketWith429ProblemAndRetryAfter() {
		String first = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
		String second = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE_2);
		List<EntityExchangeResult<byte[]>> results = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			results.add(get("/api/bookings/v1/me/bookings", first));
		}
		assertThat(results.subList(0, 3)).allSatisfy(r -> assertThat(r.getStatus().value()).isEqualTo(200));
		EntityExchangeResult<byte[]> limited = results.get(4);
		assertThat(limited.getStatus().value()).isEqualTo(429);
		assertThat(limited.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(new String(limited.getResponseBodyContent())).contains("\"status\":429");
		assertThat(Integer.parseInt(limited.getResponseHeaders().getFirst("Retry-After"))).isBetween(1, 2);
		// another user is not slowed down by the first one
		assertThat(get("/api/bookings/v1/me/bookings", second).getStatus().value()).isEqualTo(200);
	}

	/**
	 * notification-service fetches a calendar file for every booking mail: at one
	 * person's rate the mails of a busy hour waited behind 429s (fault suite's soak).
	 */
	@Test
	void givesThePlatformsServiceAccountItsOwnLargerBucketStillBounded() {
		String service = KeycloakSupport.server()
			.clientCredentialsToken("notification-service", "dev-only-notification-service-secret");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			statuses.add(get("/api/bookings/v1/me/bookings", service).getStatus().value());
		}
		assertThat(statuses.subList(0, 8)).as("beyond a person's burst of 3").containsOnly(200);
		assertThat(statuses.get(9)).as("still bounded").isEqualTo(429);
		// a person is not slowed down by the service account, and keeps a person's bucket
		String person = KeycloakSupport.tokenFor(KeycloakSupport.OPS);
		List<Integer> personal = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			personal.add(get("/api/billing/v1/whoami", person).getStatus().value());
		}
		assertThat(personal.getFirst()).isEqualTo(200);
		assertThat(personal.get(4)).isEqualTo(429);
	}

	@Test
	void limitsPublicCallsPerAddressButNeverStripeWebhooks() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			statuses.add(get("/api/venues/v1/search?city=Lyon", null).getStatus().value());
		}
		assertThat(statuses.subList(0, 2)).containsOnly(200);
		assertThat(statuses).contains(429);
		for (int i = 0; i < 10; i++) {
			this.client.post()
				.uri("/api/payments/v1/stripe/webhooks")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"id\":\"evt_" + i + "\"}")
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void refusesAnExpiredToken() {
		String token = KeycloakSupport.tokenFor(KeycloakSupport.OPS);
		try {
			clock.advance(Duration.ofHours(2));
			this.client.get()
				.uri("/api/billing/v1/whoami")
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		finally {
			clock.reset();
		}
	}

	private EntityExchangeResult<byte[]> get(String path, String token) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get().uri(path);
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		return request.exchange().expectBody().returnResult();
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		Clock movableClock() {
			return clock;
		}

	}

	/** The system clock, moved forward by the test when it needs a token to be old. */
	static final class MovableClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void advance(Duration by) {
			this.offset = this.offset.plus(by);
		}

		void reset() {
			this.offset = Duration.ZERO;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

}
