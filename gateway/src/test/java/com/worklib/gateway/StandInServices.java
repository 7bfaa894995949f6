package com.worklib.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * One WireMock server standing in for every service behind the gateway: 200 {} to any API
 * call.
 */
final class StandInServices {

	private StandInServices() {
	}

	static WireMockServer started() {
		WireMockServer backend = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		backend.start();
		backend.stubFor(any(urlPathMatching("/api/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		return backend;
	}

	/** Every service route of the gateway to {@code backend}. */
	static void routeAllTo(DynamicPropertyRegistry registry, WireMockServer backend) {
		for (String service : new String[] { "IDENTITY", "VENUE", "BOOKING", "BILLING", "PAYMENT", "NOTIFICATION" }) {
			registry.add(service + "_URI", backend::baseUrl);
		}
	}

}
