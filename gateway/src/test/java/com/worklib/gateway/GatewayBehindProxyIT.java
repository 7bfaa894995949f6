package com.worklib.gateway;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.worklib.platform.test.WithKeycloak;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as k8s runs it, behind one ingress proxy
 * ({@code GATEWAY_TRUSTED_PROXIES=1}, as {@code k8s/base/gateway.yaml} sets it): every
 * request arrives from the proxy's address, yet each client behind it has a bucket of its
 * own, keyed by the address the proxy appended to {@code X-Forwarded-For}, and what a
 * client writes there itself does not move it to another bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "GATEWAY_TRUSTED_PROXIES=1", "worklib.gateway.rate-limits.anonymous.per-second=1",
				"worklib.gateway.rate-limits.anonymous.burst=2" })
@AutoConfigureWebTestClient
@WithKeycloak
class GatewayBehindProxyIT {

	static final WireMockServer backend = StandInServices.started();

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
	void twoClientsBehindTheProxyGetSeparateBuckets() {
		List<Integer> first = searches("203.0.113.10", 5);
		assertThat(first.subList(0, 2)).containsOnly(200);
		assertThat(first).contains(429);
		// the second client, through the same proxy, is not slowed down by the first
		assertThat(searches("203.0.113.20", 2)).containsOnly(200);
		// the first client cannot escape its bucket by writing another address first
		assertThat(searches("198.51.100.7, 203.0.113.10", 1)).containsOnly(429);
	}

	/**
	 * What the ingress sends on: the client's X-Forwarded-For with the client appended.
	 */
	private List<Integer> searches(String forwardedFor, int count) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			statuses.add(this.client.get()
				.uri("/api/venues/v1/search?city=Lyon")
				.header("X-Forwarded-For", forwardedFor)
				.exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value());
		}
		return statuses;
	}

}
