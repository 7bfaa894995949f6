package com.worklib.benchmarks;

import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import com.worklib.platform.test.KeycloakSupport;
import com.worklib.platform.test.PostgresSupport;
import com.worklib.platform.test.HostConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed-in page costs {@code web} itself: the "Lieux et espaces de travail",
 * "Éditer l'établissement" and "Équipe" pages of a partner with 3 establishments and 12
 * workspaces, rendered by {@code web} as a child JVM with its sessions in PostgreSQL,
 * after a real Keycloak login (authorization code + PKCE, as a browser does it). The API
 * behind the gateway is a stand-in in this JVM that answers each call from memory in
 * microseconds, so the time a page takes is {@code web}'s: its security and session
 * filters, its API clients (JSON both ways, the loopback round trips), Thymeleaf. One
 * client, one page at a time, after a warm-up. Target: p95 ≤ 30 ms
 * ({@code -Dbenchmark.pages=3000}).
 */
class WebRenderBenchmark {

	static final int PAGES = Integer.getInteger("benchmark.pages", 3000);

	static final UUID PARTNER = UUID.randomUUID();

	static final List<UUID> ESTABLISHMENTS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

	@Test
	void signedInPagesRenderWithinTheBudget() throws Exception {
		String host = HostConditions.calibrate();
		AtomicLong apiCalls = new AtomicLong();
		HttpServer api = standInApi(apiCalls);
		PostgresSupport.Database db = PostgresSupport.freshDatabase("web_benchmark");
		var keycloak = KeycloakSupport.server();
		String keycloakUrl = "http://localhost:" + keycloak.port();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SPRING_PROFILES_ACTIVE", "dev");
		env.put("DATABASE_URL", db.jdbcUrl());
		env.put("DATABASE_USER", db.username());
		env.put("DATABASE_PASSWORD", db.password());
		env.put("GATEWAY_URL", "http://127.0.0.1:" + api.getAddress().getPort());
		env.put("KEYCLOAK_URI", keycloakUrl);
		env.put("WORKLIB_PUBLIC_URL", keycloakUrl);
		// the realm lets worklib-web come back to the local stack's address only:
		// Keycloak
		// sends the code there, and this client carries it to web's port
		env.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_WORKLIB_REDIRECT_URI",
				"http://localhost:8080/login/oauth2/code/worklib");
		try (ServiceProcess web = ServiceProcess.start("web", List.of("-Xmx256m", "-XX:+UseSerialGC"), env,
				List.of())) {
			HttpClient browser = HttpClient.newBuilder()
				.cookieHandler(new PlainHttpCookies())
				.followRedirects(HttpClient.Redirect.NEVER)
				.version(HttpClient.Version.HTTP_1_1)
				.build();
			logIn(browser, web.baseUrl());
			Map<String, String> pages = new LinkedHashMap<>();
			pages.put("Lieux et espaces de travail", "/partners/" + PARTNER + "/lieux");
			pages.put("Éditer l'établissement", "/partners/" + PARTNER + "/lieux/" + ESTABLISHMENTS.get(0));
			pages.put("Équipe", "/partners/" + PARTNER + "/equipe");
			System.out.printf("%nBENCHMARK web: signed-in pages, one at a time, %d each after %d of warm-up%n", PAGES,
					PAGES);
			for (Map.Entry<String, String> page : pages.entrySet()) {
				URI uri = URI.create(web.baseUrl() + page.getValue());
				measure(browser, uri, PAGES);
				Map<String, Supplier<Duration>> processes = new LinkedHashMap<>();
				processes.put("web", web::cpuTime);
				processes.put("load generator and stand-in API", HostConditions::clientCpuTime);
				var window = HostConditions.window(processes);
				long callsBefore = apiCalls.get();
				long[] sorted = measure(browser, uri, PAGES);
				String costs = window.end(PAGES);
				System.out.printf(
						"BENCHMARK   %-28s p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms  (target p95 <= 30 ms), %.0f API calls a page; %s%n",
						page.getKey(), p(sorted, 0.50), p(sorted, 0.95), p(sorted, 0.99),
						(apiCalls.get() - callsBefore) / (double) PAGES, costs);
			}
			System.out.printf("BENCHMARK   %s%n%n", host);
		}
		finally {
			api.stop(0);
		}
	}

	static long[] measure(HttpClient browser, URI uri, int count) throws Exception {
		long[] latencies = new long[count];
		HttpRequest request = HttpRequest.newBuilder(uri).header("Accept-Language", "fr-FR").GET().build();
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
			latencies[i] = System.nanoTime() - start;
			if (i == 0) {
				assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
				assertThat(response.body()).contains("Atelier du Lac").doesNotContain("Page introuvable");
			}
		}
		Arrays.sort(latencies);
		return latencies;
	}

	static double p(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	/**
	 * The browser's part of the code flow: web sends it to Keycloak's login form, it
	 * posts the dev employee's credentials, Keycloak sends it back with a code, web
	 * exchanges the code and keeps the tokens in the session.
	 */
	static void logIn(HttpClient browser, String web) throws Exception {
		HttpResponse<String> response = browser.send(
				HttpRequest.newBuilder(URI.create(web + "/oauth2/authorization/worklib")).build(),
				HttpResponse.BodyHandlers.ofString());
		String authorize = response.headers().firstValue("Location").orElseThrow();
		response = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher form = Pattern.compile("action=\"([^\"]+login-actions/authenticate[^\"]*)\"").matcher(response.body());
		assertThat(form.find()).as("Keycloak's login form").isTrue();
		String action = form.group(1).replace("&amp;", "&");
		String credentials = "username=" + URLEncoder.encode(KeycloakSupport.EMPLOYEE, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(KeycloakSupport.DEV_PASSWORD, StandardCharsets.UTF_8);
		HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(credentials))
			.build(), HttpResponse.BodyHandlers.ofString());
		String callback = posted.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("Keycloak did not accept the login: " + posted.statusCode() + " "
					+ posted.body().substring(0, Math.min(2000, posted.body().length()))));
		URI back = URI.create(callback.replace("http://localhost:8080", web));
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(back).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as("web's OAuth2 callback: " + signedIn.body()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	/**
	 * Cookies as a browser keeps them for {@code http://localhost}, which it treats as a
	 * secure origin: Keycloak's login cookies are {@code Secure}, which the JDK would
	 * otherwise never send back over plain HTTP.
	 */
	static final class PlainHttpCookies extends java.net.CookieHandler {

		private final CookieManager cookies = new CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
			return this.cookies.get(uri, headers);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
			Map<String, List<String>> plain = new LinkedHashMap<>();
			headers.forEach((name, values) -> plain.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
					? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
			this.cookies.put(uri, plain);
		}

	}

	/** The gateway's public API as web calls it for these pages, from memory. */
	static HttpServer standInApi(AtomicLong calls) throws Exception {
		Map<String, byte[]> answers = new LinkedHashMap<>();
		answers.put("/api/identity/v1/me",
				"""
						{"userId":"%s","email":"employee@worklib.test","firstName":"Odile","lastName":"Lac",
						 "roles":["partner"],"memberships":[{"partnerId":"%s","role":"OWNER"}]}"""
					.formatted(UUID.randomUUID(), PARTNER)
					.getBytes(StandardCharsets.UTF_8));
		answers.put("/api/venues/v1/partners/" + PARTNER,
				"""
						{"partnerId":"%s","name":"Atelier du Lac SAS","status":"CLAIMED","platformFeeBps":1500}"""
					.formatted(PARTNER)
					.getBytes(StandardCharsets.UTF_8));
		StringBuilder establishments = new StringBuilder();
		for (UUID id : ESTABLISHMENTS) {
			String establishment = """
					{"establishmentId":"%s","partnerId":"%s","name":"Atelier du Lac %s",
					 "address":{"line1":"1 rue Royale","postalCode":"74000","city":"Annecy","country":"FR"},
					 "timezone":"Europe/Paris","openingHours":[%s],"description":"Au bord du lac",
					 "bookingContact":{"email":"resa@lac.test","phone":"+33450000000"}}""".formatted(id, PARTNER,
					id.toString().substring(0, 4),
					String.join(",", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
						.stream()
						.map(d -> "{\"dayOfWeek\":\"%s\",\"opens\":\"08:00\",\"closes\":\"19:00\"}".formatted(d))
						.toList()));
			answers.put("/api/venues/v1/establishments/" + id, establishment.getBytes(StandardCharsets.UTF_8));
			establishments.append(establishments.isEmpty() ? "" : ",").append(establishment);
			StringBuilder workspaces = new StringBuilder();
			for (int w = 0; w < 4; w++) {
				workspaces.append(w == 0 ? "" : ",")
					.append("""
							{"workspaceId":"%s","establishmentId":"%s","type":"%s","name":"Espace %d","capacity":%d,
							 "bookingMode":"INSTANT","price":{"unit":"HOUR","amountExclVat":{"amountMinor":%d,"currency":"EUR"},
							 "vatRateBps":2000},"active":true,"priceBasis":"PARTNER"}"""
						.formatted(UUID.randomUUID(), id, w % 2 == 0 ? "DESK" : "MEETING_ROOM", w, 2 + w,
								1235 + w * 100));
			}
			answers.put("/api/venues/v1/establishments/" + id + "/workspaces",
					page(workspaces.toString()).getBytes(StandardCharsets.UTF_8));
		}
		answers.put("/api/venues/v1/partners/" + PARTNER + "/establishments",
				page(establishments.toString()).getBytes(StandardCharsets.UTF_8));
		StringBuilder members = new StringBuilder();
		for (int m = 0; m < 6; m++) {
			members.append(m == 0 ? "" : ",")
				.append("""
						{"userId":"%s","email":"membre%d@lac.test","firstName":"Membre","lastName":"%d",
						 "role":"%s","since":"2026-11-02T09:00:00Z"}""".formatted(UUID.randomUUID(), m, m,
						m == 0 ? "OWNER" : m % 2 == 0 ? "MANAGER" : "FINANCE"));
		}
		answers.put("/api/identity/v1/partners/" + PARTNER + "/members",
				page(members.toString()).getBytes(StandardCharsets.UTF_8));
		answers.put("/api/identity/v1/partners/" + PARTNER + "/invitations", page("""
				{"invitationId":"%s","email":"zoe@lac.test","firstName":"Zoé","lastName":"Lac","role":"MANAGER",
				 "status":"PENDING","expiresAt":"2026-12-09T09:00:00Z"}""".formatted(UUID.randomUUID()))
			.getBytes(StandardCharsets.UTF_8));

		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		server.createContext("/", exchange -> {
			calls.incrementAndGet();
			byte[] body = answers.get(exchange.getRequestURI().getPath());
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			if (body == null) {
				body = "{\"status\":404}".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(404, body.length);
			}
			else {
				exchange.sendResponseHeaders(200, body.length);
			}
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		server.start();
		return server;
	}

	static String page(String items) {
		long count = items.isEmpty() ? 0 : items.chars().filter(c -> c == '{').count();
		return "{\"items\":[" + items + "],\"page\":{\"number\":0,\"size\":200,\"totalElements\":" + count
				+ ",\"totalPages\":1}}";
	}

}
