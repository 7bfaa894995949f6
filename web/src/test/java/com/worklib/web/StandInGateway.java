package com.worklib.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The platform's API behind the gateway, as the pages' tests stand it in: a signed-in
 * person with their memberships, the partners they belong to, and the API's 404 problem
 * for every other partner. Each test adds the calls its pages make.
 */
public final class StandInGateway {

	private StandInGateway() {
	}

	/**
	 * A started stand-in where the person is a member of each partner with its role, and
	 * each partner is called by its name.
	 */
	public static WireMockServer start(Map<UUID, String> roles, Map<UUID, String> names) {
		WireMockServer gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		gateway.start();
		me(gateway, roles, "partner");
		gateway.stubFor(get(urlPathMatching("/api/venues/v1/partners/.*")).willReturn(notFound()));
		names.forEach((id, name) -> gateway.stubFor(get("/api/venues/v1/partners/" + id).willReturn(okJson("""
				{"partnerId":"%s","name":"%s","status":"CLAIMED"}""".formatted(id, name)))));
		return gateway;
	}

	/** Who the signed-in person is: their memberships and realm role. */
	public static void me(WireMockServer gateway, Map<UUID, String> roles, String realmRole) {
		String memberships = roles.entrySet()
			.stream()
			.map(e -> "{\"partnerId\":\"%s\",\"role\":\"%s\"}".formatted(e.getKey(), e.getValue()))
			.collect(Collectors.joining(","));
		gateway.stubFor(get("/api/identity/v1/me").willReturn(okJson("""
				{"userId":"%s","email":"odile@lac.test","firstName":"Odile","lastName":"Lac","roles":["%s"],
				 "memberships":[%s]}""".formatted(UUID.randomUUID(), realmRole, memberships))));
	}

	public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder notFound() {
		return aResponse().withStatus(404)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\":\"https://docs.worklib.example/problems/not-found\",\"status\":404}");
	}

	public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String type,
			String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
				{"type":"https://docs.worklib.example/problems/%s","status":%d,%s}""".formatted(type, status, body));
	}

}
