package com.worklib.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway as attachments come through it (billing's PDFs, booking's calendar files)
 * and Keycloak's token endpoint, stood in; only the mailer's token is let through.
 */
public final class DocumentsGateway {

	public static final String TOKEN = "Bearer mailer-token";

	private DocumentsGateway() {
	}

	public static WireMockServer started() {
		var server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		server.stubFor(WireMock.post("/token").willReturn(WireMock.okJson("""
				{"access_token":"mailer-token","token_type":"Bearer","expires_in":300}""")));
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/api/billing/v1/invoices/.*/pdf"))
			.withHeader("Authorization", WireMock.equalTo(TOKEN))
			.willReturn(WireMock.aResponse()
				.withHeader("Content-Type", "application/pdf")
				.withBody("%PDF-1.7 stand-in invoice")));
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/api/bookings/v1/bookings/.*/calendar.ics"))
			.withHeader("Authorization", WireMock.equalTo(TOKEN))
			.willReturn(WireMock.aResponse()
				.withHeader("Content-Type", "text/calendar; charset=UTF-8")
				.withBody(calendar("REQUEST", "CONFIRMED"))));
		return server;
	}

	/** A calendar file as booking writes one, in short. */
	public static String calendar(String method, String status) {
		return String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Worklib//Reservations 1.0//FR", "VERSION:2.0",
				"METHOD:" + method, "BEGIN:VEVENT", "UID:stand-in@worklib", "STATUS:" + status, "END:VEVENT",
				"END:VCALENDAR", "");
	}

	public static void register(WireMockServer server, DynamicPropertyRegistry registry) {
		registry.add("worklib.notification.documents.gateway-url", server::baseUrl);
		registry.add("worklib.notification.documents.token-uri", () -> server.baseUrl() + "/token");
	}

}
