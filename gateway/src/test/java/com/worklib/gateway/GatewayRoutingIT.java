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

import com.worklib.platform.test.FreePorts;
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

	/** A port nothing listens on: a service that is down. */
	static final int DEAD_PORT = FreePorts.find();

	static {
		backend.start();
		backend.stubFor(any(urlPathMatching("/api/.*")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"from\":\"backend\"}")));
		backend.stubFor(any(urlPathEqualTo("/api/payments/v1/slow"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(4_000).withBody("{}")));
		backend.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v3/api-docs"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stand-in\"}}")));
	}

	@Autowired
	WebTestClient client;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		for (String service : new String[] { "IDENTITY", "VENUE", "BOOKING", "BILLING", "PAYMENT" }) {
			registry.add(service + "_URI", backend::baseUrl);
		}
		registry.add("NOTIFICATION_URI", () -> "http://127.0.0.1:" + DEAD_PORT);
		registry.add("worklib.gateway.services.payments.timeout", () -> "1s");
		registry.add("KEYCLOAK_URI", () -> "http://127.0.0.1:" + KeycloakSupport.server().port());
		registry.add("WEB_URI", backend::baseUrl);
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
				"/api/billing/v1/whoami", "/api/payments/v1/whoami" }) {
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

	/**
	 * Keycloak's admin console and API, its master realm and client registration answer
	 * on Keycloak itself, never through the gateway; the worklib realm's login and OIDC
	 * endpoints do.
	 */
	@Test
	void exposesOnlyTheWorklibRealmsClientFacingKeycloakPaths() {
		for (String hidden : java.util.List.of("/auth/admin/master/console/", "/auth/admin/realms/worklib",
				"/auth/admin/realms/worklib/users", "/auth/realms/master", "/auth/realms/master/account",
				"/auth/realms/master/.well-known/openid-configuration",
				"/auth/realms/worklib/clients-registrations/openid-connect", "/auth/realms/worklib/account",
				"/auth/realms/worklib/protocol/openid-connect/%2e%2e/%2e%2e/%2e%2e/admin/master/console/", "/auth/",
				"/auth/welcome")) {
			var status = this.client.get()
				.uri(java.net.URI.create("http://127.0.0.1:" + this.port + hidden))
				.exchange()
				.returnResult(String.class)
				.getStatus();
			org.assertj.core.api.Assertions.assertThat(status.value()).as(hidden).isIn(400, 404);
		}
		this.client.post()
			.uri("/auth/realms/master/protocol/openid-connect/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=password&client_id=admin-cli&username=admin&password=dev-only-admin")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get().uri("/auth/realms/worklib/.well-known/openid-configuration").exchange().expectStatus().isOk();
		String login = this.client.get()
			.uri(java.net.URI.create("http://127.0.0.1:" + this.port
					+ "/auth/realms/worklib/protocol/openid-connect/auth?client_id=worklib-web&response_type=code"
					+ "&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Flogin%2Foauth2%2Fcode%2Fworklib"
					+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		org.assertj.core.api.Assertions.assertThat(login).contains("/auth/resources/");
		String stylesheet = login.replaceAll("(?s).*?href=\"(/auth/resources/[^\"]+\\.css)\".*", "$1");
		this.client.get()
			.uri(java.net.URI.create("http://127.0.0.1:" + this.port + stylesheet))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * Every path outside the API, Keycloak and the API documents is a page of web: no
	 * token at the edge, the browser's Host kept, a same-origin form post with
	 * {@code Origin: null} let through; an unknown API path stays the gateway's 404.
	 */
	@Test
	void sendsPagesToWebWithTheBrowsersHost() {
		backend.stubFor(any(urlPathEqualTo("/signup"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<h1>page</h1>")));
		this.client.get()
			.uri("/signup?email=a%40b.test")
			.header("Host", "app.worklib.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("<h1>page</h1>");
		backend.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/signup"))
			.withHeader("Host", equalTo("app.worklib.example")));
		this.client.post()
			.uri("/signup")
			.header("Origin", "null")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("email=a%40b.test")
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get().uri("/api/nowhere/v1/page").exchange().expectStatus().isUnauthorized();
		this.client.get().uri("/auth/admin/master/console/").exchange().expectStatus().isNotFound();
		backend.verify(0, anyRequestedFor(urlPathMatching("/auth/.*")));
	}

	@Test
	void refusesATokenFromAnotherIssuer() {
		String masterToken = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + KeycloakSupport.server().port())
			.build()
			.post()
			.uri("/auth/realms/master/protocol/openid-connect/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=password&client_id=admin-cli&username=admin&password=dev-only-admin")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("access_token")
			.toString();
		this.client.get()
			.uri("/api/billing/v1/whoami?master")
			.header("Authorization", "Bearer " + masterToken)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		backend.verify(0, anyRequestedFor(
				com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/billing/v1/whoami?master")));
	}

	@Test
	void aDownedServiceAnswers503QuicklyWhileTheOtherRoutesKeepAnswering() {
		String token = KeycloakSupport.tokenFor(KeycloakSupport.OPS);
		long started = System.nanoTime();
		this.client.get()
			.uri("/api/notifications/v1/deliveries")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.detail")
			.value(detail -> org.assertj.core.api.Assertions.assertThat(detail.toString()).contains("notifications"));
		org.assertj.core.api.Assertions.assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
			.isLessThan(java.time.Duration.ofSeconds(3));
		this.client.get()
			.uri("/api/bookings/v1/whoami")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aServiceThatDoesNotAnswerInTimeGives504WithinTheRouteTimeoutWhileAnotherRouteAnswers() throws Exception {
		String token = KeycloakSupport.tokenFor(KeycloakSupport.OPS);
		var slow = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
			long started = System.nanoTime();
			var result = this.client.get()
				.uri("/api/payments/v1/slow")
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectStatus()
				.isEqualTo(504)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.returnResult();
			org.assertj.core.api.Assertions.assertThat(result.getResponseBodyContent()).isNotEmpty();
			return java.time.Duration.ofNanos(System.nanoTime() - started);
		});
		Thread.sleep(200);
		long started = System.nanoTime();
		this.client.get()
			.uri("/api/venues/v1/whoami")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk();
		org.assertj.core.api.Assertions.assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
			.isLessThan(java.time.Duration.ofMillis(900));
		// timeout 1 s (+ two GET retries would only happen on errors, not on a timeout)
		org.assertj.core.api.Assertions.assertThat(slow.get(10, java.util.concurrent.TimeUnit.SECONDS))
			.isBetween(java.time.Duration.ofMillis(900), java.time.Duration.ofMillis(2500));
	}

	@Test
	void answersAnUnknownPathWithAProblem404() {
		this.client.get()
			.uri("/api/nowhere/v1/things")
			.header("Authorization", "Bearer " + KeycloakSupport.tokenFor(KeycloakSupport.OPS))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	@Test
	void refusesABodyLargerThanTheRouteAcceptsWithAProblem413() {
		byte[] large = new byte[1_100_000];
		java.util.Arrays.fill(large, (byte) 'a');
		this.client.post()
			.uri("/api/bookings/v1/bookings?large")
			.header("Authorization", "Bearer " + KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(large)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		backend.verify(0, anyRequestedFor(
				com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/bookings/v1/bookings?large")));
	}

	/**
	 * Only venues' import takes an import-sized body: the rest of venues has the default
	 * limit (and time), like every other service.
	 */
	@Test
	void onlyTheImportPathOfVenuesTakesAnImportSizedBody() {
		backend.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.post(urlPathEqualTo("/api/venues/v1/imports/neo-nomade"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"errors\":[]}")));
		byte[] csv = new byte[2_000_000];
		java.util.Arrays.fill(csv, (byte) 'a');
		String ops = KeycloakSupport.tokenFor(KeycloakSupport.OPS);
		this.client.post()
			.uri("/api/venues/v1/establishments")
			.header("Authorization", "Bearer " + ops)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(csv)
			.exchange()
			.expectStatus()
			.isEqualTo(413);
		this.client.post()
			.uri("/api/venues/v1/imports/neo-nomade")
			.header("Authorization", "Bearer " + ops)
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv)
			.exchange()
			.expectStatus()
			.isOk();
		backend.verify(0, anyRequestedFor(urlPathEqualTo("/api/venues/v1/establishments")));
		backend.verify(1,
				com.github.tomakehurst.wiremock.client.WireMock
					.postRequestedFor(urlPathEqualTo("/api/venues/v1/imports/neo-nomade"))
					.withHeader("Content-Length", equalTo("2000000")));
	}

	/**
	 * Pages take small bodies, except the ops console's Neo-nomade upload, which web
	 * passes on to venues and may be as large as venues' import accepts.
	 */
	@Test
	void theOpsUploadPageTakesAnImportSizedBodyAndOtherPagesDoNot() {
		backend.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/ops/imports"))
			.willReturn(
					aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<h1>Import</h1>")));
		byte[] csv = new byte[2_000_000];
		java.util.Arrays.fill(csv, (byte) 'a');
		this.client.post()
			.uri("/partners/p1/lieux?large")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue(csv)
			.exchange()
			.expectStatus()
			.isEqualTo(413);
		this.client.post()
			.uri("/ops/imports")
			// the stand-in for web does not read forms: the size is what is checked
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(csv)
			.exchange()
			.expectStatus()
			.isOk();
		backend.verify(1,
				com.github.tomakehurst.wiremock.client.WireMock
					.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/ops/imports"))
					.withHeader("Content-Length", equalTo("2000000")));
	}

	/**
	 * A body sent in chunks has no Content-Length to check: the limit holds all the same,
	 * and a small chunked body still arrives whole.
	 */
	@Test
	void refusesAChunkedBodyLargerThanTheRouteAcceptsAndForwardsASmallOne() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
		java.util.function.Function<Integer, java.net.http.HttpResponse<String>> send = size -> {
			byte[] body = new byte[size];
			java.util.Arrays.fill(body, (byte) 'a');
			try {
				return http.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI
						.create("http://127.0.0.1:" + this.port + "/api/bookings/v1/bookings?chunked=" + size))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					// an InputStream publisher has no length: the JDK client sends chunks
					.POST(java.net.http.HttpRequest.BodyPublishers
						.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		var large = send.apply(3_000_000);
		org.assertj.core.api.Assertions.assertThat(large.statusCode()).isEqualTo(413);
		org.assertj.core.api.Assertions.assertThat(large.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/problem+json");
		backend.verify(0, anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
			.urlEqualTo("/api/bookings/v1/bookings?chunked=3000000")));
		var small = send.apply(20_000);
		org.assertj.core.api.Assertions.assertThat(small.statusCode()).isEqualTo(200);
		backend.verify(1,
				com.github.tomakehurst.wiremock.client.WireMock
					.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
						.urlEqualTo("/api/bookings/v1/bookings?chunked=20000"))
					.withHeader("Content-Length", equalTo("20000")));
	}

	/**
	 * A chunked body that never ends is refused once it passes the route's limit: the
	 * gateway holds at most the limit, whatever the client keeps sending.
	 */
	@Test
	void refusesAnEndlessChunkedBodyOnceItPassesTheLimit() throws Exception {
		try (var socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(15_000);
			var out = socket.getOutputStream();
			out.write(("POST /api/identity/v1/signup HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			Thread sender = Thread.ofVirtual().start(() -> {
				byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n")
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
				try {
					// 64 KB at a time, up to 1 GB: far more than this gateway's heap
					for (int i = 0; i < 16_384 && !Thread.currentThread().isInterrupted(); i++) {
						out.write(chunk);
					}
				}
				catch (java.io.IOException closed) {
					// the gateway answered and closed the connection
				}
			});
			var in = new java.io.BufferedReader(
					new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
			org.assertj.core.api.Assertions.assertThat(in.readLine()).startsWith("HTTP/1.1 413");
			sender.interrupt();
		}
		backend.verify(0, com.github.tomakehurst.wiremock.client.WireMock
			.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/identity/v1/signup")));
	}

	/** A read that met a restarting service is sent again; a write never is. */
	@Test
	void sendsAGetAgainAfterA503ButNeverAPost() {
		backend.stubFor(any(urlPathEqualTo("/api/venues/v1/flaky")).inScenario("flaky")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("back"));
		backend.stubFor(any(urlPathEqualTo("/api/venues/v1/flaky")).inScenario("flaky")
			.whenScenarioStateIs("back")
			.willReturn(
					aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\":1}")));
		String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
		this.client.get()
			.uri("/api/venues/v1/flaky")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ok")
			.isEqualTo(1);
		backend.verify(2, com.github.tomakehurst.wiremock.client.WireMock
			.getRequestedFor(urlPathEqualTo("/api/venues/v1/flaky")));

		backend.stubFor(any(urlPathEqualTo("/api/venues/v1/flaky-write")).willReturn(aResponse().withStatus(503)));
		this.client.post()
			.uri("/api/venues/v1/flaky-write")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		backend.verify(1, com.github.tomakehurst.wiremock.client.WireMock
			.postRequestedFor(urlPathEqualTo("/api/venues/v1/flaky-write")));
		// three tries at most
		backend.stubFor(any(urlPathEqualTo("/api/venues/v1/down")).willReturn(aResponse().withStatus(502)));
		this.client.get()
			.uri("/api/venues/v1/down")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(502);
		backend.verify(3,
				com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/venues/v1/down")));
	}

	@Test
	void answersCorsPreflightsForAllowedOriginsOnlyAndSetsSecurityHeaders() {
		this.client.options()
			.uri("/api/bookings/v1/bookings")
			.header("Origin", "http://localhost:3000")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "http://localhost:3000")
			.expectHeader()
			.value("Access-Control-Allow-Methods",
					methods -> org.assertj.core.api.Assertions.assertThat(methods).contains("POST"));
		this.client.options()
			.uri("/api/bookings/v1/bookings")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/api/venues/v1/search?headers")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void propagatesAW3cTraceparentToTheService() {
		this.client.get()
			.uri("/api/bookings/v1/whoami?trace")
			.header("Authorization", "Bearer " + KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE))
			.exchange()
			.expectStatus()
			.isOk();
		var received = backend.findAll(anyRequestedFor(
				com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/bookings/v1/whoami?trace")));
		org.assertj.core.api.Assertions.assertThat(received).hasSize(1);
		org.assertj.core.api.Assertions.assertThat(received.get(0).getHeader("traceparent"))
			.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		// a client's trace goes on: same trace, the gateway's span as the parent
		String clients = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		this.client.get()
			.uri("/api/bookings/v1/whoami?trace=client")
			.header("Authorization", "Bearer " + KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE))
			.header("traceparent", clients)
			.exchange()
			.expectStatus()
			.isOk();
		String relayed = backend
			.findAll(anyRequestedFor(
					com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/bookings/v1/whoami?trace=client")))
			.get(0)
			.getHeader("traceparent");
		org.assertj.core.api.Assertions.assertThat(relayed)
			.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
			.isNotEqualTo(clients);
	}

	@Test
	void servesTheServicesOpenApiDocumentsAndSwaggerUi() {
		this.client.get()
			.uri("/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.documents[?(@.name == 'bookings')].url")
			.isEqualTo("/api-docs/bookings");
		this.client.get()
			.uri("/api-docs/bookings")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("stand-in");
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[?(@.name == 'payments')].url")
			.isEqualTo("/api-docs/payments");
	}

	@Test
	void acceptsTokensSignedWithARotatedKeyByFetchingTheKeysAgain() {
		// the gateway has cached the realm's keys
		String before = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
		this.client.get()
			.uri("/api/billing/v1/whoami?before-rotation")
			.header("Authorization", "Bearer " + before)
			.exchange()
			.expectStatus()
			.isOk();
		WebTestClient keycloak = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + KeycloakSupport.server().port())
			.build();
		String admin = keycloak.post()
			.uri("/auth/realms/master/protocol/openid-connect/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=password&client_id=admin-cli&username=admin&password=dev-only-admin")
			.exchange()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("access_token")
			.toString();
		String realmId = keycloak.get()
			.uri("/auth/admin/realms/worklib")
			.header("Authorization", "Bearer " + admin)
			.exchange()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		String location = keycloak.post()
			.uri("/auth/admin/realms/worklib/components")
			.header("Authorization", "Bearer " + admin)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("name", "rotated-rsa", "providerId", "rsa-generated", "providerType",
					"org.keycloak.keys.KeyProvider", "parentId", realmId, "config",
					java.util.Map.of("priority", java.util.List.of("500"), "keySize", java.util.List.of("2048"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst("Location");
		try {
			String rotated = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
			org.assertj.core.api.Assertions.assertThat(header(rotated)).isNotEqualTo(header(before));
			this.client.get()
				.uri("/api/billing/v1/whoami?after-rotation")
				.header("Authorization", "Bearer " + rotated)
				.exchange()
				.expectStatus()
				.isOk();
		}
		finally {
			keycloak.delete()
				.uri("/auth/admin/realms/worklib/components/" + location.substring(location.lastIndexOf('/') + 1))
				.header("Authorization", "Bearer " + admin)
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
		}
	}

	private static String header(String jwt) {
		return new String(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
				java.nio.charset.StandardCharsets.UTF_8);
	}

}
