package com.worklib.web.ops;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.worklib.platform.test.WithPostgres;
import com.worklib.web.PagesIT;
import com.worklib.web.StandInGateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The ops console against a stand-in API: a partner member is refused every page before
 * any ops call is made; ops uploads a CSV and sees its refused lines, with them as a CSV;
 * searches partners; starts a close and watches it refresh itself while it runs; sees the
 * dead letters of the services that answer when one does not, and replays one; reads an
 * address's mails.
 */
@SpringBootTest(properties = "WORKLIB_WEB_CLIENT_SECRET=test-only")
@AutoConfigureMockMvc
@WithPostgres
class OpsPagesIT extends PagesIT {

	static final UUID CLOSING = UUID.randomUUID();

	static final UUID SKIPPED = UUID.randomUUID();

	static WireMockServer gateway;

	@BeforeAll
	static void api() {
		gateway = StandInGateway.start(Map.of(), Map.of(SKIPPED, "Semnoz Coworking"));
		gateway.stubFor(WireMock.get("/api/identity/v1/me")
			.withHeader("Authorization", equalTo("Bearer ops-token"))
			.atPriority(1)
			.willReturn(okJson("""
					{"userId":"%s","email":"ops@worklib.test","firstName":"Olga","lastName":"Ops","roles":["ops"],
					 "memberships":[]}""".formatted(UUID.randomUUID()))));
		gateway.stubFor(WireMock.post("/api/venues/v1/imports/neo-nomade").willReturn(okJson("""
				{"partnersCreated":13,"partnersUpdated":0,"establishments":18,"workspaces":60,"rowsUnchanged":0,
				 "errors":[{"line":4,"message":"price: \\"douze\\" is not an amount"},
				  {"line":9,"message":"timezone: Mars/Olympus is not a time zone"}]}""")));
		gateway.stubFor(WireMock.get(urlPathEqualTo("/api/venues/v1/partners")).willReturn(okJson("""
				{"items":[{"partnerId":"%s","name":"Semnoz Coworking","status":"UNCLAIMED","code":"SEMNOZ",
				 "migrationEmail":"contact@semnoz.test","neoNomadeId":"NN-P-1002"}],
				 "page":{"number":0,"size":50,"totalElements":1,"totalPages":1}}""".formatted(SKIPPED))));
		gateway.stubFor(WireMock.post("/api/billing/v1/closings")
			.willReturn(okJson("{\"closingId\":\"%s\"}".formatted(CLOSING)).withStatus(202)));
		gateway.stubFor(WireMock.get("/api/billing/v1/closings/" + CLOSING).willReturn(okJson("""
				{"closingId":"%s","month":"2026-11","partners":15,"invoicesIssued":11,
				 "skipped":[{"partnerId":"%s","reason":"The self-billing mandate has not been accepted by an owner"}],
				 "status":"RUNNING"}""".formatted(CLOSING, SKIPPED))));
		gateway.stubFor(WireMock.get(urlPathMatching("/api/.*/ops/dead-letters")).willReturn(okJson("{\"items\":[]}")));
		gateway.stubFor(WireMock.get("/api/billing/v1/ops/dead-letters")
			.willReturn(
					okJson("""
							{"items":[{"topic":"booking.bookings.v1.dlt","partition":0,"offset":3,"originalTopic":"booking.bookings.v1",
							 "consumerGroup":"billing-service-items","eventId":"e1","eventType":"booking.BookingConfirmed",
							 "subject":"b1","failure":"workspace unknown","failedAt":"%s"}]}"""
						.formatted(Instant.now()))));
		gateway.stubFor(WireMock.get("/api/payments/v1/ops/dead-letters")
			.willReturn(StandInGateway.problem(503, "unavailable", "\"detail\":\"payments is not answering\"")));
		gateway.stubFor(WireMock.post("/api/billing/v1/ops/dead-letters/replays")
			.willReturn(okJson("""
					{"topic":"booking.bookings.v1.dlt","partition":0,"offset":3,"replayed":{"replayedAt":"%s"}}"""
				.formatted(Instant.now())).withStatus(201)));
		gateway.stubFor(WireMock.get(urlPathEqualTo("/api/notifications/v1/deliveries")).willReturn(okJson("""
				{"items":[{"deliveryId":"%s","recipient":"billing@lac.test","template":"invoice-issued","locale":"fr",
				 "subject":"Votre facture ATEL-2026-00001 (novembre 2026)","status":"SENT","attempts":1,
				 "createdAt":"2026-12-01T01:10:00Z"}]}""".formatted(UUID.randomUUID()))));
	}

	@AfterAll
	static void stop() {
		gateway.stop();
	}

	@DynamicPropertySource
	static void gatewayUrl(DynamicPropertyRegistry registry) {
		registry.add("worklib.web.gateway-url", () -> gateway.baseUrl());
	}

	/** Signed in, with the access token the stand-in knows as an ops member's. */
	RequestPostProcessor asOps() {
		RequestPostProcessor login = signedIn();
		RequestPostProcessor token = oauth2Client("worklib")
			.clientRegistration(this.registrations.findByRegistrationId("worklib"))
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "ops-token", Instant.now(),
					Instant.now().plusSeconds(300)));
		return request -> token.postProcessRequest(login.postProcessRequest(request));
	}

	MockHttpServletResponse asOps(String path) throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(asOps()))
			.andReturn()
			.getResponse();
	}

	static String text(MockHttpServletResponse response) throws Exception {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(response.getContentAsString());
	}

	@Test
	void aPartnerMemberIsRefusedEveryOpsPageAndNoOpsCallIsMadeForThem() throws Exception {
		gateway.resetRequests();
		for (String path : new String[] { "/ops", "/ops/partners?q=a", "/ops/closings/" + CLOSING, "/ops/dead-letters",
				"/ops/mails?recipient=a%40b.test" }) {
			assertThat(open(path).getStatus()).as(path).isEqualTo(403);
		}
		MockHttpServletResponse upload = this.mvc
			.perform(
					multipart("/ops/imports").file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] { 1 }))
						.with(signedIn())
						.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(upload.getStatus()).isEqualTo(403);
		gateway.verify(0, anyRequestedFor(
				urlPathMatching("/api/(venues/v1/(imports|partners$)|billing|payments|notifications).*")));
	}

	@Test
	void opsUploadsACsvAndSeesTheRefusedLinesOnScreenAndAsACsv() throws Exception {
		byte[] csv = "nn_partner_id;partner_name\nNN-P-1;Atelier\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		MockHttpServletResponse response = this.mvc
			.perform(multipart("/ops/imports").file(new MockMultipartFile("file", "neo-nomade.csv", "text/csv", csv))
				.header("HX-Request", "true")
				.with(asOps())
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = text(response);
		// the fragment only: htmx puts it under the form
		assertThat(html).doesNotContain("<html")
			.contains("Import de neo-nomade.csv")
			.contains("13 partenaire(s) créé(s)");
		assertThat(html).contains("2 ligne(s) refusée(s)").contains("timezone: Mars/Olympus is not a time zone");
		String link = html.substring(html.indexOf("data:text/csv"), html.indexOf("\" download"));
		String downloaded = new String(java.util.Base64.getDecoder().decode(link.substring(link.indexOf(',') + 1)),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(downloaded).isEqualTo("line;message\r\n4;\"price: \"\"douze\"\" is not an amount\"\r\n"
				+ "9;\"timezone: Mars/Olympus is not a time zone\"\r\n");
		gateway.verify(postRequestedFor(urlPathEqualTo("/api/venues/v1/imports/neo-nomade"))
			.withHeader("Content-Type", WireMock.containing("text/csv"))
			.withRequestBody(equalTo(new String(csv, java.nio.charset.StandardCharsets.UTF_8))));
	}

	@Test
	void opsSearchesPartnersByWhatTheyTypeAndTheirStatus() throws Exception {
		String html = text(asOps("/ops/partners?q=semnoz&status=UNCLAIMED"));
		assertThat(html).contains("Semnoz Coworking")
			.contains("Non réclamé")
			.contains("contact@semnoz.test")
			.contains("NN-P-1002");
		gateway.verify(getRequestedFor(urlPathEqualTo("/api/venues/v1/partners")).withQueryParam("q", equalTo("semnoz"))
			.withQueryParam("status", equalTo("UNCLAIMED")));
	}

	@Test
	void aStartedCloseIsWatchedOnItsPageWhichRefreshesWhileItRuns() throws Exception {
		MockHttpServletResponse started = this.mvc
			.perform(post("/ops/closings").param("month", "2026-11").with(asOps()).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(started.getRedirectedUrl()).isEqualTo("/ops/closings/" + CLOSING);
		gateway.verify(postRequestedFor(urlPathEqualTo("/api/billing/v1/closings"))
			.withRequestBody(equalToJson("{\"month\":\"2026-11\"}")));
		String html = text(asOps("/ops/closings/" + CLOSING));
		assertThat(html).contains("Clôture de 2026-11")
			.contains("En cours")
			.contains("12 partenaire(s) traité(s) sur 15")
			.contains("11 facture(s) émise(s)")
			.contains("Semnoz Coworking")
			.contains("mandate has not been accepted");
		assertThat(html).contains("hx-trigger=\"every 2s\"");
	}

	@Test
	void deadLettersOfTheServicesThatAnswerShowWhenOneDoesNotAndOneIsReplayed() throws Exception {
		String html = text(asOps("/ops/dead-letters"));
		assertThat(html).contains("billing : 1 lettre(s) morte(s)")
			.contains("workspace unknown")
			.contains("identity : 0 lettre(s) morte(s)")
			.contains("payments ne répond pas");
		MockHttpServletResponse replay = this.mvc
			.perform(post("/ops/dead-letters/replay").param("service", "billing")
				.param("topic", "booking.bookings.v1.dlt")
				.param("partition", "0")
				.param("offset", "3")
				.with(asOps())
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(replay.getRedirectedUrl()).isEqualTo("/ops/dead-letters");
		gateway.verify(postRequestedFor(urlPathEqualTo("/api/billing/v1/ops/dead-letters/replays"))
			.withRequestBody(equalToJson("{\"topic\":\"booking.bookings.v1.dlt\",\"partition\":0,\"offset\":3}")));
	}

	@Test
	void opsReadsTheMailsAnAddressReceived() throws Exception {
		String html = text(asOps("/ops/mails?recipient=billing@lac.test"));
		assertThat(html).contains("Votre facture ATEL-2026-00001 (novembre 2026)").contains("SENT");
		gateway.verify(getRequestedFor(urlPathEqualTo("/api/notifications/v1/deliveries")).withQueryParam("recipient",
				equalTo("billing@lac.test")));
	}

}
