package com.worklib.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the local stack once with a realistic month, through the gateway like any client:
 * the Neo-nomade sample imported (15 partners, 14 cities), three partners claimed by
 * their operators (billing information, mandate, Stripe onboarding for one), four
 * employees, and bookings over last month and this month (made with the dev clocks moved
 * back to the start of last month, then reset).
 */
final class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String PASSWORD = "DemoPassword-2026";

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final String GATEWAY = "http://localhost:" + DevStack.GATEWAY_PORT;

	/** Operators who claim their listing, and the city of their space. */
	static final List<String[]> OWNERS = List.of(new String[] { "contact@atelier-lyon.fr", "Lucie", "Lyon" },
			new String[] { "studio@maraisstudios.fr", "Paul", "Paris" },
			new String[] { "contact@cotevieuxport.fr", "Inès", "Marseille" });

	/** Employees: address, first name, the company they give at sign-up. */
	static final List<String[]> EMPLOYEES = List.of(
			new String[] { "camille.martin@acme-demo.fr", "Camille", "Acme Conseil" },
			new String[] { "julien.bernard@acme-demo.fr", "Julien", "Acme Conseil" },
			new String[] { "sarah.petit@globex-demo.fr", "Sarah", "Globex" },
			new String[] { "lucas.moreau@globex-demo.fr", "Lucas", "Globex" });

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path home;

	DemoData(Path home) {
		this.home = home;
	}

	/** Seeds unless already done; never stops the stack if something fails. */
	void seedOnce() {
		Path marker = this.home.resolve("demo-seeded");
		if (Files.exists(marker)) {
			return;
		}
		try {
			Files.writeString(marker, seed());
		}
		catch (Exception ex) {
			log.warn("Demo data incomplete ({}); the stack is up anyway. Delete .devstack to try again.",
					ex.getMessage());
			resetClocks();
		}
	}

	private String seed() throws Exception {
		long begin = System.nanoTime();
		String ops = token("ops@worklib.test", "DevPassword-2026");
		String csv;
		try (InputStream in = DemoData.class.getResourceAsStream("/demo/neo-nomade-demo.csv")) {
			csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		expect(send("POST", "/api/venues/v1/imports/neo-nomade", ops, "text/csv", csv), 200);

		List<String> owners = new ArrayList<>();
		List<String> venues = new ArrayList<>();
		for (String[] owner : OWNERS) {
			String token = signUp(owner[0], owner[1], null);
			owners.add(token);
			String partnerId = awaitJson("/api/identity/v1/me", token).get("memberships")
				.get(0)
				.get("partnerId")
				.asString();
			venues.add(partnerId);
		}
		// Lyon and Paris are ready to be invoiced; Lyon can also be paid
		for (int i = 0; i < 2; i++) {
			expect(send("PUT", "/api/billing/v1/partners/" + venues.get(i) + "/billing-profile", owners.get(i),
					"application/json",
					"""
							{"legalName":"%s","legalForm":"SAS","siret":"44306184100047","vatNumber":"FR64443061841",
							 "vatRegime":"STANDARD","address":{"line1":"1 rue de la Demo","postalCode":"69002","city":"%s","country":"FR"},
							 "billingEmail":"%s"}"""
						.formatted(OWNERS.get(i)[2] + " Coworking SAS", OWNERS.get(i)[2], OWNERS.get(i)[0])),
					200);
			expect(send("POST", "/api/billing/v1/partners/" + venues.get(i) + "/self-billing-mandate", owners.get(i),
					"application/json", "{\"accepted\":true,\"mandateVersion\":\"2026-11\"}"), 201);
		}
		String link = this.json
			.readTree(expect(
					send("POST", "/api/payments/v1/partners/" + venues.get(0) + "/connected-account/onboarding-link",
							owners.get(0), "application/json", "{}"),
					201))
			.get("url")
			.asString();
		this.http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.discarding());

		List<String> employees = new ArrayList<>();
		for (String[] employee : EMPLOYEES) {
			employees.add(signUp(employee[0], employee[1], employee[2]));
		}

		int bookings = book(owners, venues, employees);
		return summary(bookings, Duration.ofNanos(System.nanoTime() - begin));
	}

	/**
	 * Desk days and meeting-room hours in the claimed spaces, last month and this month.
	 */
	private int book(List<String> owners, List<String> partnerIds, List<String> employees) throws Exception {
		YearMonth last = YearMonth.now(PARIS).minusMonths(1);
		moveClocks(ZonedDateTime.of(last.atDay(1), LocalTime.of(6, 0), PARIS)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		int made = 0;
		try {
			for (int v = 0; v < OWNERS.size(); v++) {
				JsonNode found = this.json
					.readTree(expect(send("GET", "/api/venues/v1/search?city=" + encode(OWNERS.get(v)[2]) + "&size=50",
							null, null, null), 200))
					.get("items");
				for (JsonNode result : found) {
					JsonNode establishment = result.get("establishment");
					// the city may have other, unclaimed partners: book the claimed one
					// only
					if (!partnerIds.get(v).equals(establishment.get("partnerId").asString())) {
						continue;
					}
					JsonNode hours = establishment.get("openingHours");
					for (JsonNode workspace : result.get("workspaces")) {
						made += bookWorkspace(workspace, hours, establishment.get("timezone").asString(), last,
								employees, owners.get(v));
					}
				}
			}
		}
		finally {
			resetClocks();
		}
		return made;
	}

	private int bookWorkspace(JsonNode workspace, JsonNode hours, String timezone, YearMonth last,
			List<String> employees, String ownerToken) throws Exception {
		String unit = workspace.get("price").get("unit").asString();
		boolean request = "REQUEST".equals(workspace.get("bookingMode").asString());
		ZoneId zone = ZoneId.of(timezone);
		int made = 0;
		int n = 0;
		for (YearMonth month : List.of(last, last.plusMonths(1))) {
			for (int day = 3; day <= 24; day += 3) {
				LocalDate date = month.atDay(day);
				JsonNode open = openingOf(hours, date.getDayOfWeek());
				if (open == null) {
					continue;
				}
				LocalTime opens = LocalTime.parse(open.get("opens").asString());
				LocalTime closes = LocalTime.parse(open.get("closes").asString());
				LocalTime start;
				LocalTime end;
				if ("DAY".equals(unit)) {
					start = opens;
					end = closes;
				}
				else if ("HOUR".equals(unit) && !opens.isAfter(LocalTime.of(10, 0))
						&& !closes.isBefore(LocalTime.NOON)) {
					start = LocalTime.of(10, 0);
					end = LocalTime.NOON;
				}
				else {
					continue;
				}
				String employee = employees.get(n++ % employees.size());
				HttpResponse<String> created = send("POST", "/api/bookings/v1/bookings", employee, "application/json",
						this.json
							.writeValueAsString(Map.of("workspaceId", workspace.get("workspaceId").asString(), "start",
									ZonedDateTime.of(date, start, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
									"end",
									ZonedDateTime.of(date, end, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))));
				if (created.statusCode() != 201) {
					continue;
				}
				made++;
				if (request) {
					String bookingId = this.json.readTree(created.body()).get("bookingId").asString();
					send("POST", "/api/bookings/v1/bookings/" + bookingId + "/confirm", ownerToken, "application/json",
							"{}");
				}
			}
		}
		return made;
	}

	private static JsonNode openingOf(JsonNode hours, DayOfWeek day) {
		for (JsonNode range : hours) {
			if (day.name().equals(range.get("dayOfWeek").asString())) {
				return range;
			}
		}
		return null;
	}

	private String signUp(String email, String firstName, String company) throws Exception {
		Map<String, String> body = new java.util.HashMap<>(
				Map.of("email", email, "firstName", firstName, "lastName", "Demo", "locale", "fr"));
		if (company != null) {
			body.put("company", company);
		}
		expect(send("POST", "/api/identity/v1/signup", null, "application/json", this.json.writeValueAsString(body)),
				202);
		String token = verificationToken(email);
		expect(send("POST", "/api/identity/v1/email-verifications", null, "application/json",
				this.json.writeValueAsString(Map.of("token", token, "password", PASSWORD))), 200);
		return token(email, PASSWORD);
	}

	private String verificationToken(String email) throws Exception {
		Pattern link = Pattern.compile("verify-email\\?token=([A-Za-z0-9_\\-]+)");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			String mails = this.http
				.send(HttpRequest
					.newBuilder(URI
						.create("http://127.0.0.1:" + DevStack.MAIL_API_PORT + "/api/messages?to=" + encode(email)))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher matcher = link.matcher(mails);
			if (matcher.find()) {
				return matcher.group(1);
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("No verification mail reached " + email);
	}

	private JsonNode awaitJson(String path, String token) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			JsonNode node = this.json.readTree(expect(send("GET", path, token, null, null), 200));
			if (node.get("memberships") != null && !node.get("memberships").isEmpty() || System.nanoTime() > deadline) {
				return node;
			}
			Thread.sleep(500);
		}
	}

	private String token(String email, String password) throws Exception {
		HttpResponse<String> response = send("POST", "/auth/realms/worklib/protocol/openid-connect/token", null,
				"application/x-www-form-urlencoded", "grant_type=password&client_id=worklib-cli&username="
						+ encode(email) + "&password=" + encode(password));
		return this.json.readTree(expect(response, 200)).get("access_token").asString();
	}

	private void moveClocks(String instant) {
		for (String target : clockTargets()) {
			try {
				int status = this.http
					.send(HttpRequest.newBuilder(URI.create(target))
						.header("Content-Type", "application/json")
						.PUT(HttpRequest.BodyPublishers.ofString("{\"instant\":\"" + instant + "\"}"))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
				if (status != 200) {
					throw new IllegalStateException(target + " refused the clock " + instant + ": HTTP " + status);
				}
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException("Cannot move the clock of " + target, ex);
			}
		}
	}

	private void resetClocks() {
		for (String target : clockTargets()) {
			try {
				this.http.send(HttpRequest.newBuilder(URI.create(target)).DELETE().build(),
						HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException | InterruptedException ex) {
				log.warn("Could not reset the clock of {}: {}", target, ex.getMessage());
			}
		}
	}

	private static List<String> clockTargets() {
		List<String> targets = new ArrayList<>();
		for (DevStack.Service service : DevStack.SERVICES) {
			targets.add("http://127.0.0.1:" + service.port() + "/dev/clock");
		}
		targets.add("http://127.0.0.1:" + com.worklib.stripe.emulator.StripeEmulator.DEFAULT_PORT + "/_emulator/clock");
		return targets;
	}

	/** Sends through the gateway, waiting out rate limits as a polite client does. */
	private HttpResponse<String> send(String method, String path, String token, String contentType, String body)
			throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(GATEWAY + path))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		for (int attempt = 0;; attempt++) {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 429 || attempt > 10) {
				return response;
			}
			Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
		}
	}

	private static String expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " -> "
					+ response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String summary(int bookings, Duration took) {
		StringBuilder out = new StringBuilder(
				"\nDemo data seeded (" + took.toSeconds() + " s, once; delete .devstack to reseed)\n");
		out.append(
				"  15 Neo-nomade partners imported in 14 cities; 12 still unclaimed (sign up with their migration\n");
		out.append("  address from venue-service/src/test/resources/neo-nomade/sample.csv to claim one)\n");
		out.append("  Partner owners (password ").append(PASSWORD).append("):\n");
		for (String[] owner : OWNERS) {
			out.append("    ").append(owner[0]).append("  (").append(owner[2]).append(")\n");
		}
		out.append("    Lyon and Paris have billing information and a mandate; Lyon finished Stripe onboarding\n");
		out.append("  Employees (password ").append(PASSWORD).append("): ");
		out.append(String.join(", ", EMPLOYEES.stream().map(e -> e[0]).toList())).append('\n');
		out.append("  ").append(bookings).append(" bookings over last month and this month\n");
		out.append("  Ops: ops@worklib.test / DevPassword-2026: close last month from the console,\n");
		out.append("    http://localhost:8080/ops (\"Clôture du mois\"), then see it in Lyon's \"Factures\"\n");
		return out.toString();
	}

}
