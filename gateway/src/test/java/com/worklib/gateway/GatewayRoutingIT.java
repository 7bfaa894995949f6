package com.worklib.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.WithKeycloak;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Routes to a stand-in service (WireMock) and to a real Keycloak, with real tokens: what
 * a client of the gateway sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithKeycloak
class GatewayRoutingIT {

	static final WireMockServer backend = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		backend.start();
		backend.stubFor(any(urlPathMatching("/api/.*")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"from\":\"backend\"}")));
	}

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		for (String service : new String[] { "IDENTITY", "VENUE", "BOOKING", "BILLING", "PAYMENT", "NOTIFICATION" }) {
			registry.add(service + "_URI", backend::baseUrl);
		}
		registry.add("KEYCLOAK_URI", () -> "http://127.0.0.1:" + KeycloakSupport.server().port());
	}

	@AfterAll
	static void stop() {
		backend.stop();
	}

	@Test
	void refusesAnApiRequestWithoutATokenWithProblemDetails() {
		this.client.get()
			.uri("/api/bookings/v1/me/bookings")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	@Test
	void refusesATamperedToken() {
		String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
		this.client.get()
			.uri("/api/billing/v1/whoami")
			.header("Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void relaysAValidTokenToEachService() {
		String token = KeycloakSupport.tokenFor(KeycloakSupport.OPS);
		for (String path : new String[] { "/api/identity/v1/whoami", "/api/venues/v1/whoami", "/api/bookings/v1/whoami",
				"/api/billing/v1/whoami", "/api/payments/v1/whoami", "/api/notifications/v1/whoami" }) {
			this.client.get()
				.uri(path)
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.from")
				.isEqualTo("backend");
			backend
				.verify(anyRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + token)));
		}
	}

	@Test
	void aSpoofedUserHeaderNeverReachesAServiceAndEveryRequestGetsACorrelationId() {
		String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
		this.client.get()
			.uri("/api/billing/v1/whoami?spoof")
			.header("Authorization", "Bearer " + token)
			.header("X-User-Id", "00000000-0000-0000-0000-000000000001")
			.header("X-User-Roles", "ops")
			.header("X-Forwarded-For", "10.0.0.1")
			.header("X-Correlation-Id", "support-case-42")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Correlation-Id", "support-case-42");
		var received = backend.findAll(anyRequestedFor(
				com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/billing/v1/whoami?spoof")));
		org.assertj.core.api.Assertions.assertThat(received).isNotEmpty();
		received.forEach(r -> {
			org.assertj.core.api.Assertions.assertThat(r.containsHeader("X-User-Id")).isFalse();
			org.assertj.core.api.Assertions.assertThat(r.containsHeader("X-User-Roles")).isFalse();
			org.assertj.core.api.Assertions.assertThat(r.getHeader("X-Forwarded-For")).isNotEqualTo("10.0.0.1");
			org.assertj.core.api.Assertions.assertThat(r.getHeader("X-Correlation-Id")).isEqualTo("support-case-42");
		});
		this.client.get()
			.uri("/api/venues/v1/search")
			.header("X-Correlation-Id", "not a safe id; drop table")
			.exchange()
			.expectHeader()
			.value("X-Correlation-Id",
					id -> org.assertj.core.api.Assertions.assertThat(java.util.UUID.fromString(id)).isNotNull());
	}

	@Test
	void letsPublicEndpointsThroughWithoutAToken() {
		this.client.get().uri("/api/venues/v1/search?city=Lyon").exchange().expectStatus().isOk();
		this.client.put()
			.uri("/api/venues/v1/workspaces/0f6a2d0e-8f0c-4a2b-9d43-1c2b3a4d5e6f")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void issuesTokensThroughTheAuthRoute() {
		this.client.post()
			.uri("/auth/realms/worklib/protocol/openid-connect/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=password&client_id=worklib-cli&username=employee%40worklib.test&password="
					+ KeycloakSupport.DEV_PASSWORD)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.access_token")
			.isNotEmpty();
		backend.verify(0, anyRequestedFor(urlPathMatching("/auth/.*")));
	}

}
