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
		registry.add("WEB_URI", backend::baseUrl);
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
	 * A page's anonymous API calls come from web's address; the person's own address,
	 * sealed by the gateway on the page request, gives them the person's bucket, and no
	 * one else can mint or alter a seal.
	 */
	@Test
	void webCarriesEachPersonsAddressSealedSoTheirApiCallsGetTheirOwnBucket() {
		backend.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/signup")
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("<html></html>")));
		String first = sealedFor("203.0.113.30");
		String second = sealedFor("203.0.113.40");
		assertThat(first).startsWith("203.0.113.30|");
		// web's calls for the first person share her bucket, not everyone's
		List<Integer> firstCalls = searchesFromWeb(first, 4);
		assertThat(firstCalls.subList(0, 2)).containsOnly(200);
		assertThat(firstCalls).contains(429);
		assertThat(searchesFromWeb(second, 2)).containsOnly(200);
		// an altered seal is no seal: the call counts against the address it came from
		String forged = first.replace("203.0.113.30", "203.0.113.99");
		List<Integer> forgedCalls = searchesFromWeb(forged, 4);
		assertThat(forgedCalls).contains(429);
		assertThat(searchesFromWeb(forged.replace("203.0.113.99", "203.0.113.98"), 1)).containsOnly(429);
		// and what a browser sends in that header never reaches web: the gateway's seal
		// does
		this.client.get()
			.uri("/signup")
			.header("X-Forwarded-For", "203.0.113.50")
			.header(ClientAddressSeal.HEADER, second)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(lastSealSeenByWeb()).startsWith("203.0.113.50|");
	}

	private String sealedFor(String person) {
		this.client.get().uri("/signup").header("X-Forwarded-For", person).exchange().expectStatus().isOk();
		return lastSealSeenByWeb();
	}

	private static String lastSealSeenByWeb() {
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> pages = backend
			.findAll(com.github.tomakehurst.wiremock.client.WireMock
				.getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/signup")));
		return pages.get(pages.size() - 1).getHeader(ClientAddressSeal.HEADER);
	}

	/** web calls the gateway directly: no proxy, no X-Forwarded-For. */
	private List<Integer> searchesFromWeb(String sealed, int count) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			statuses.add(this.client.get()
				.uri("/api/venues/v1/search?city=Annecy")
				.header(ClientAddressSeal.HEADER, sealed)
				.exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value());
		}
		return statuses;
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
