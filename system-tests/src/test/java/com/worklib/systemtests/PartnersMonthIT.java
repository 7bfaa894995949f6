package com.worklib.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's month on the whole platform, through the gateway only (plus the captured
 * mailbox and the Stripe emulator, the partner's and Stripe's side of the world). The
 * steps build on each other, in order. Bookings are made for next month; the services'
 * dev clocks are then moved past its end to close it and to the payout date.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(PlatformExtension.class)
// after the browser journeys: this one moves every service's clock months ahead
@org.junit.jupiter.api.Order(2)
class PartnersMonthIT {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final String PASSWORD = "Worklib-System-2026!";

	static final String DEV_PASSWORD = "DevPassword-2026";

	static final String MIGRATION = "owner@sys-atelier.test";

	static final String NEW_CONTACT = "desk@sys-atelier.test";

	static final String OLD_CONTACT = "reservations@sys-atelier.test";

	static final String MANAGER = "manager@sys-atelier.test";

	static final String FINANCE = "finance@sys-atelier.test";

	static final String BILLING = "billing@sys-atelier.test";

	static final String EMPLOYEE = "emma@sys-client.test";

	static final YearMonth MONTH = YearMonth.now(PARIS).plusMonths(1);

	static Client ops;

	static Client owner;

	static Client manager;

	static Client finance;

	static Client employee;

	static Client employee2;

	static String partnerId;

	static String establishmentId;

	static String deskId;

	static String roomId;

	static String lateCancelled;

	static String invoiceId;

	static JsonNode invoice;

	@BeforeAll
	static void platform() throws Exception {
		ops = Client.login("ops@worklib.test", DEV_PASSWORD);
		// employees of client companies sign up like anyone (the verified address makes
		// them employees)
		employee = signUpAndVerify(EMPLOYEE, "Emma");
		employee2 = signUpAndVerify("enzo@sys-client.test", "Enzo");
	}

	/** The n-th Monday-to-Friday of the month. */
	static LocalDate weekday(YearMonth month, int n) {
		LocalDate date = month.atDay(1);
		int seen = 0;
		while (true) {
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY && ++seen == n) {
				return date;
			}
			date = date.plusDays(1);
		}
	}

	static String at(LocalDate date, int hour) {
		return ZonedDateTime.of(date, LocalTime.of(hour, 0), PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/**
	 * Moves every service's dev clock, and the Stripe emulator's, as
	 * {@code ./worklib clock set} does.
	 */
	static void clock(ZonedDateTime instant) throws Exception {
		String body = "{\"instant\":\"" + instant.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\"}";
		HttpClient http = HttpClient.newHttpClient();
		List<String> targets = new ArrayList<>();
		Platform.SERVICE_PORTS.forEach(port -> targets.add("http://127.0.0.1:" + port + "/dev/clock"));
		targets.add(Platform.STRIPE + "/_emulator/clock");
		for (String target : targets) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(target + " " + response.body()).isEqualTo(200);
		}
	}

	static Client.Response ok(Client.Response response, int expected) {
		assertThat(response.status()).as(response.body()).isEqualTo(expected);
		return response;
	}

	static Client signUpAndVerify(String email, String firstName) {
		return signUpAndVerify(email, firstName, null);
	}

	/** {@code company}: the employer given at sign-up, or null. */
	static Client signUpAndVerify(String email, String firstName, String company) {
		Map<String, String> signup = new java.util.HashMap<>(
				Map.of("email", email, "firstName", firstName, "lastName", "Test", "locale", "fr"));
		if (company != null) {
			signup.put("company", company);
		}
		ok(Client.anonymous().post("/api/identity/v1/signup", signup), 202);
		String token = Mailbox.await(email, s -> s.contains("Confirmez votre adresse")).token();
		// the holder of the mailbox chooses the password on the page behind the link
		ok(Client.anonymous()
			.post("/api/identity/v1/email-verifications", Map.of("token", token, "password", PASSWORD)), 200);
		return Client.login(email, PASSWORD);
	}

	static void eventually(String what, Runnable assertion) {
		Awaitility.await(what)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(assertion::run);
	}

	@Test
	@Order(1)
	void opsImportsTheNeoNomadeExportAndTheMigrationMailReachesTheOperator() {
		String csv = """
				nn_partner_id;partner_legal_name;migration_email;platform_fee_percent;nn_establishment_id;establishment_name;address_line1;address_line2;postal_code;city;country;timezone;opening_hours;booking_contact_email;booking_contact_phone;nn_workspace_id;workspace_type;workspace_name;capacity;booking_mode;price_unit;price_excl_vat;vat_rate_percent
				NN-P-9001;Atelier Système SAS;%s;15;NN-E-9100;Atelier Système Grenoble;3 place Grenette;;38000;Grenoble;FR;Europe/Paris;mon-fri 08:00-19:00;%s;04 76 00 00 00;NN-W-9201;desk;Open space;10;instant;day;25,00;20
				NN-P-9001;Atelier Système SAS;%s;15;NN-E-9100;Atelier Système Grenoble;3 place Grenette;;38000;Grenoble;FR;Europe/Paris;mon-fri 08:00-19:00;%s;04 76 00 00 00;NN-W-9202;meeting_room;Salle Belledonne;8;request;hour;30,00;20
				"""
			.formatted(MIGRATION, OLD_CONTACT, MIGRATION, OLD_CONTACT);

		JsonNode imported = ok(ops.post("/api/venues/v1/imports/neo-nomade", "text/csv", csv), 200).json();

		assertThat(imported.get("partnersCreated").asInt()).isEqualTo(1);
		assertThat(imported.get("errors").size()).isZero();
		Mailbox.Mail migration = Mailbox.await(MIGRATION, s -> s.contains("maintenant sur Worklib"));
		assertThat(migration.text()).contains("N’utilisez pas votre mot de passe Neo-nomade");
		eventually("the listing is searchable", () -> {
			JsonNode found = Client.anonymous().read("/api/venues/v1/search?city=Grenoble").get("items");
			assertThat(found.size()).isEqualTo(1);
			partnerId = found.get(0).get("establishment").get("partnerId").asString();
			establishmentId = found.get(0).get("establishment").get("establishmentId").asString();
			for (JsonNode workspace : found.get(0).get("workspaces")) {
				if ("DESK".equals(workspace.get("type").asString())) {
					deskId = workspace.get("workspaceId").asString();
				}
				else {
					roomId = workspace.get("workspaceId").asString();
				}
			}
			assertThat(deskId).isNotNull();
			assertThat(roomId).isNotNull();
		});
	}

	@Test
	@Order(2)
	void theOperatorSignsUpWithTheMigrationAddressAndFindsTheListingAttached() {
		owner = signUpAndVerify(MIGRATION, "Odile");

		JsonNode me = owner.read("/api/identity/v1/me");
		assertThat(me.get("memberships").toString()).contains(partnerId).contains("OWNER");
		eventually("the partner is claimed",
				() -> assertThat(owner.read("/api/venues/v1/partners/" + partnerId).get("status").asString())
					.isEqualTo("CLAIMED"));

		Client stranger = signUpAndVerify("stranger@sys-elsewhere.test", "Sam");
		assertThat(stranger.read("/api/identity/v1/me").get("memberships").size()).isZero();
		assertThat(stranger.get("/api/venues/v1/partners/" + partnerId).status()).isEqualTo(404);
	}

	@Test
	@Order(3)
	void theOwnerSetsTheBookingContactAndBuildsATeamWhoseRolesHoldTheirLimits() {
		ObjectNode establishment = (ObjectNode) owner.read("/api/venues/v1/establishments/" + establishmentId);
		ObjectNode body = Client.JSON.createObjectNode();
		for (String field : List.of("name", "address", "timezone", "openingHours", "description")) {
			body.set(field, establishment.get(field));
		}
		((ObjectNode) body.putObject("bookingContact")).put("email", NEW_CONTACT).put("phone", "+33476000001");
		ok(owner.put("/api/venues/v1/establishments/" + establishmentId, body), 200);

		manager = invite(MANAGER, "Marc", "MANAGER");
		finance = invite(FINANCE, "Fanny", "FINANCE");

		// DESIGN §3: MANAGER runs listing and bookings, FINANCE money, OWNER everything
		eventually("the manager edits the listing",
				() -> assertThat(manager.put("/api/venues/v1/establishments/" + establishmentId, body).status())
					.isEqualTo(200));
		assertThat(manager.get("/api/billing/v1/partners/" + partnerId + "/invoices").status()).isIn(403, 404);
		assertThat(manager
			.post("/api/identity/v1/partners/" + partnerId + "/invitations",
					Map.of("email", "x@sys-atelier.test", "firstName", "X", "lastName", "Y", "role", "MANAGER"))
			.status()).isEqualTo(403);
		eventually("finance reads invoices",
				() -> assertThat(finance.get("/api/billing/v1/partners/" + partnerId + "/invoices").status())
					.isEqualTo(200));
		assertThat(finance.put("/api/venues/v1/establishments/" + establishmentId, body).status()).isEqualTo(403);
	}

	static Client invite(String email, String firstName, String role) {
		Client member = invite(owner, partnerId, email, firstName, role);
		assertThat(Mailbox.await(email, s -> s.contains("vous invite à rejoindre")).text()).contains("Odile Test")
			.contains(role.equals("MANAGER") ? "gestionnaire" : "financier");
		assertThat(member.read("/api/identity/v1/me").get("memberships").toString()).contains(role);
		return member;
	}

	/**
	 * The owner invites {@code email} as {@code role}; the person signs up and accepts
	 * from the mail.
	 */
	static Client invite(Client owner, String partnerId, String email, String firstName, String role) {
		ok(owner.post("/api/identity/v1/partners/" + partnerId + "/invitations",
				Map.of("email", email, "firstName", firstName, "lastName", "Test", "role", role)), 201);
		String token = Mailbox.await(email, s -> s.contains("vous invite à rejoindre")).token();
		Client member = signUpAndVerify(email, firstName);
		ok(member.post("/api/identity/v1/invitations/" + token + "/accept", "{}"), 200);
		return member;
	}

	/** The migration address signs up and, once venue says so, owns its listing. */
	static Client claimedBy(String owner, String firstName, String partnerId) {
		Client client = signUpAndVerify(owner, firstName);
		eventually("the listing is claimed",
				() -> assertThat(client.read("/api/venues/v1/partners/" + partnerId).get("status").asString())
					.isEqualTo("CLAIMED"));
		return client;
	}

	/** A workspace of the partner's first establishment, by its name. */
	static String workspaceId(Client member, String partnerId, String name) {
		String establishmentId = member.read("/api/venues/v1/partners/" + partnerId + "/establishments")
			.get("items")
			.get(0)
			.get("establishmentId")
			.asString();
		for (JsonNode w : member.read("/api/venues/v1/establishments/" + establishmentId + "/workspaces")
			.get("items")) {
			if (w.get("name").asString().equals(name)) {
				return w.get("workspaceId").asString();
			}
		}
		throw new AssertionError("No workspace named " + name + " at partner " + partnerId);
	}

	@Test
	@Order(4)
	void theOwnerCompletesBillingInformationTheMandateAndStripeOnboarding() throws Exception {
		ok(owner.put("/api/billing/v1/partners/" + partnerId + "/billing-profile",
				"""
						{"legalName":"Atelier Système SAS","legalForm":"SAS","siret":"44306184100047","vatNumber":"FR64443061841",
						 "vatRegime":"STANDARD","address":{"line1":"3 place Grenette","postalCode":"38000","city":"Grenoble","country":"FR"},
						 "billingEmail":"%s"}"""
					.formatted(BILLING)),
				200);
		ok(owner.post("/api/billing/v1/partners/" + partnerId + "/self-billing-mandate",
				Map.of("accepted", true, "mandateVersion", "2026-11")), 201);

		String url = ok(
				owner.post("/api/payments/v1/partners/" + partnerId + "/connected-account/onboarding-link", "{}"), 201)
			.json()
			.get("url")
			.asString();
		// the owner completes Stripe's hosted onboarding; Stripe sends a signed
		// account.updated
		HttpResponse<String> hosted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(hosted.statusCode()).isEqualTo(302);
		eventually("payouts enabled", () -> assertThat(
				owner.read("/api/payments/v1/partners/" + partnerId + "/connected-account").get("status").asString())
			.isEqualTo("ENABLED"));
		// money is OWNER and FINANCE business, not MANAGER's
		assertThat(finance.get("/api/payments/v1/partners/" + partnerId + "/connected-account").status())
			.isEqualTo(200);
		assertThat(finance.get("/api/billing/v1/partners/" + partnerId + "/billing-profile").status()).isEqualTo(200);
		assertThat(manager.get("/api/payments/v1/partners/" + partnerId + "/connected-account").status())
			.isEqualTo(404);
		assertThat(manager.get("/api/billing/v1/partners/" + partnerId + "/billing-profile").status()).isEqualTo(404);
		assertThat(finance
			.post("/api/billing/v1/partners/" + partnerId + "/self-billing-mandate",
					Map.of("accepted", true, "mandateVersion", "2026-11"))
			.status()).as("only an OWNER accepts the mandate").isEqualTo(403);
	}

	@Test
	@Order(5)
	void employeesBookTheRequestReachesTheNewContactAndADoubleBookingIsRefused() throws Exception {
		LocalDate d1 = weekday(MONTH, 2);
		LocalDate d2 = weekday(MONTH, 3);
		LocalDate d3 = weekday(MONTH, 4);
		LocalDate late = weekday(MONTH, 6);
		LocalDate early = weekday(MONTH, 12);

		JsonNode desk = ok(employee.post("/api/bookings/v1/bookings",
				Map.of("workspaceId", deskId, "start", at(d1, 8), "end", at(d1, 19))), 201)
			.json();
		assertThat(desk.get("status").asString()).isEqualTo("CONFIRMED");

		JsonNode room = ok(employee.post("/api/bookings/v1/bookings",
				Map.of("workspaceId", roomId, "start", at(d2, 10), "end", at(d2, 12))), 201)
			.json();
		assertThat(room.get("status").asString()).isEqualTo("REQUESTED");
		Mailbox.Mail request = Mailbox.await(NEW_CONTACT, s -> s.startsWith("Nouvelle demande de réservation"));
		assertThat(request.text()).contains("Salle Belledonne").contains("10:00 – 12:00");
		assertThat(Mailbox.of(OLD_CONTACT)).isEmpty();
		assertThat(finance.post("/api/bookings/v1/bookings/" + room.get("bookingId").asString() + "/confirm", "{}")
			.status()).as("FINANCE does not answer booking requests").isEqualTo(403);
		eventually("the manager confirms the request",
				() -> assertThat(
						manager.post("/api/bookings/v1/bookings/" + room.get("bookingId").asString() + "/confirm", "{}")
							.status())
					.isEqualTo(200));
		Mailbox.await(EMPLOYEE, s -> s.startsWith("Réservation confirmée"));

		// two employees want the same room slot at the same moment: one gets it
		Map<String, String> slot = Map.of("workspaceId", roomId, "start", at(d3, 14), "end", at(d3, 15));
		CompletableFuture<Client.Response> first = CompletableFuture
			.supplyAsync(() -> employee.post("/api/bookings/v1/bookings", slot));
		CompletableFuture<Client.Response> second = CompletableFuture
			.supplyAsync(() -> employee2.post("/api/bookings/v1/bookings", slot));
		List<Integer> statuses = List.of(first.get().status(), second.get().status());
		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		Client.Response won = first.get().status() == 201 ? first.get() : second.get();
		ok(manager.post("/api/bookings/v1/bookings/" + won.json().get("bookingId").asString() + "/decline",
				Map.of("reason", "Salle réservée pour un événement")), 200);

		lateCancelled = ok(employee2.post("/api/bookings/v1/bookings",
				Map.of("workspaceId", deskId, "start", at(late, 8), "end", at(late, 19))), 201)
			.json()
			.get("bookingId")
			.asString();
		String freeOne = ok(employee2.post("/api/bookings/v1/bookings",
				Map.of("workspaceId", deskId, "start", at(early, 8), "end", at(early, 19))), 201)
			.json()
			.get("bookingId")
			.asString();

		JsonNode free = ok(
				employee2.post("/api/bookings/v1/bookings/" + freeOne + "/cancel", Map.of("reason", "Plans changed")),
				200)
			.json();
		assertThat(free.hasNonNull("cancellationFee")).as("an early cancellation is free").isFalse();

		// the day before, at noon: less than 24 h before the 08:00 start
		clock(ZonedDateTime.of(late.minusDays(1), LocalTime.NOON, PARIS));
		JsonNode fee = ok(
				employee2.post("/api/bookings/v1/bookings/" + lateCancelled + "/cancel", Map.of("reason", "Sick")), 200)
			.json();
		assertThat(fee.get("cancellationFee").get("amountMinor").asLong()).isEqualTo(2500);
		Mailbox.await(NEW_CONTACT, s -> s.startsWith("Annulation"));
	}

	@Test
	@Order(6)
	void theMonthClosesByItselfOnceTheClockPassesTheFirstAndTheInvoiceEqualsTheBookingsTable() throws Exception {
		// nobody asks: the schedule follows the moved clock (catch-up), as after an
		// outage
		clock(ZonedDateTime.of(MONTH.plusMonths(1).atDay(1), LocalTime.of(10, 0), PARIS));
		eventually("the scheduled close invoiced the month",
				() -> assertThat(
						finance.read("/api/billing/v1/partners/" + partnerId + "/invoices").get("items").size())
					.isEqualTo(1));
		// ops asking again changes nothing: one invoice per partner and month
		String closingId = ok(ops.post("/api/billing/v1/closings", Map.of("month", MONTH.toString())), 202).json()
			.get("closingId")
			.asString();
		eventually("the closing is done",
				() -> assertThat(ops.read("/api/billing/v1/closings/" + closingId).get("status").asString())
					.isEqualTo("DONE"));

		JsonNode invoices = finance.read("/api/billing/v1/partners/" + partnerId + "/invoices").get("items");
		assertThat(invoices.size()).isEqualTo(1);
		invoiceId = invoices.get(0).get("invoiceId").asString();
		invoice = finance.read("/api/billing/v1/invoices/" + invoiceId);

		JsonNode table = owner
			.read("/api/bookings/v1/partners/" + partnerId + "/bookings?from=" + MONTH.atDay(1) + "&to="
					+ MONTH.atEndOfMonth() + "&size=200")
			.get("items");
		long billed = 0;
		int billedRows = 0;
		for (JsonNode row : table) {
			if ("CONFIRMED".equals(row.get("status").asString())) {
				billed += row.get("price").get("amountExclVat").get("amountMinor").asLong();
				billedRows++;
			}
			else if (row.hasNonNull("cancellationFee")) {
				billed += row.get("cancellationFee").get("amountMinor").asLong();
				billedRows++;
			}
		}
		assertThat(invoice.get("lines").size()).isEqualTo(billedRows).isEqualTo(3);
		// line by line: each invoice line is its booking's row, at the booking's frozen
		// price
		Map<String, JsonNode> rows = new java.util.HashMap<>();
		table.forEach(row -> rows.put(row.get("bookingId").asString(), row));
		for (JsonNode line : invoice.get("lines")) {
			JsonNode row = rows.get(line.get("bookingId").asString());
			assertThat(row).as("the booking of invoice line %s", line.get("lineNo")).isNotNull();
			JsonNode price = row.get("price");
			long invoiced = "CONFIRMED".equals(row.get("status").asString())
					? price.get("amountExclVat").get("amountMinor").asLong()
					: row.get("cancellationFee").get("amountMinor").asLong();
			assertThat(line.get("amountExclVat").get("amountMinor").asLong()).isEqualTo(invoiced);
			assertThat(line.get("vatRateBps").asInt()).isEqualTo(price.get("vatRateBps").asInt());
			assertThat(line.get("unit").asString()).isEqualTo(price.get("unit").asString());
			assertThat(line.get("unitPriceExclVat").get("amountMinor").asLong())
				.isEqualTo(price.get("unitPriceExclVat").get("amountMinor").asLong());
			assertThat(new java.math.BigDecimal(line.get("quantity").asString()))
				.isEqualByComparingTo(new java.math.BigDecimal(price.get("quantity").asString()));
		}
		assertThat(invoice.get("totals").get("exclVat").get("amountMinor").asLong()).isEqualTo(billed);
		JsonNode statement = owner.read("/api/billing/v1/partners/" + partnerId + "/statements/" + MONTH);
		assertThat(statement.get("status").asString()).isEqualTo("INVOICED");
		assertThat(statement.get("totals")).isEqualTo(invoice.get("totals"));

		Client.Response pdf = finance.get("/api/billing/v1/invoices/" + invoiceId + "/pdf", "application/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		Mailbox.Mail mail = Mailbox.await(BILLING, s -> s.contains(invoice.get("number").asString()));
		assertThat(mail.text()).contains("Le virement de")
			.contains("/partners/" + partnerId + "/invoices/" + invoiceId);
		// the invoice itself travels with the mail, as the partner will file it
		assertThat(mail.attachments()).singleElement().satisfies(pdfFile -> {
			assertThat(pdfFile.fileName()).isEqualTo(invoice.get("number").asString() + ".pdf");
			assertThat(pdfFile.contentType()).isEqualTo("application/pdf");
			assertThat(new String(pdfFile.content(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
				.isEqualTo("%PDF-");
			assertThat(pdfFile.content().length).isGreaterThan(10_000);
		});
	}

	@Test
	@Order(7)
	void thePaymentRunPaysTheInvoiceTotalOnceAndTheInvoiceBecomesPaid() throws Exception {
		JsonNode payout = owner.read("/api/payments/v1/partners/" + partnerId + "/payouts").get("items").get(0);
		LocalDate planned = LocalDate.parse(payout.get("plannedDate").asString());
		assertThat(planned.getDayOfMonth()).isBetween(10, 15);
		long total = invoice.get("totals").get("inclVat").get("amountMinor").asLong();
		assertThat(payout.get("amount").get("amountMinor").asLong()).isEqualTo(total);

		// the scheduled run of the payout date starts by itself once the clock is there
		clock(ZonedDateTime.of(planned, LocalTime.of(8, 0), PARIS));
		eventually("the scheduled payment run transferred the payout",
				() -> assertThat(owner.read("/api/payments/v1/partners/" + partnerId + "/payouts")
					.get("items")
					.get(0)
					.get("status")
					.asString()).isEqualTo("TRANSFERRED"));
		List<JsonNode> transfers = transfersOf(invoice.get("number").asString());
		assertThat(transfers.get(0).get("amount").asLong()).isEqualTo(total);

		// Stripe pays the connected account's balance out to the partner's bank
		String account = owner.read("/api/payments/v1/partners/" + partnerId + "/connected-account")
			.get("stripeAccountId")
			.asString();
		ok(Client.anonymous()
			.post(Platform.STRIPE + "/_emulator/accounts/" + account + "/payouts", Map.of("status", "paid")), 200);
		eventually("the invoice is paid",
				() -> assertThat(finance.read("/api/billing/v1/invoices/" + invoiceId).get("status").asString())
					.isEqualTo("PAID"));

		assertThat(runPayments().get("transferred").asInt()).isZero();
		assertThat(transfersOf(invoice.get("number").asString())).hasSize(1);
	}

	static JsonNode runPayments() {
		String runId = ok(ops.post("/api/payments/v1/payment-runs", "{}"), 202).json().get("runId").asString();
		JsonNode[] run = new JsonNode[1];
		eventually("the payment run", () -> {
			run[0] = ops.read("/api/payments/v1/payment-runs/" + runId);
			assertThat(run[0].get("status").asString()).isEqualTo("COMPLETED");
		});
		return run[0];
	}

	static List<JsonNode> transfersOf(String group) {
		List<JsonNode> transfers = new ArrayList<>();
		for (JsonNode transfer : Client.anonymous().read(Platform.STRIPE + "/_emulator/transfers").get("data")) {
			if (group.equals(transfer.get("transfer_group").asString())) {
				transfers.add(transfer);
			}
		}
		return transfers;
	}

	@Test
	@Order(8)
	void withBookingServiceDownTheRestAnswersAndNoEventIsLostAfterItRestarts() throws Exception {
		YearMonth next = MONTH.plusMonths(1);
		LocalDate day = weekday(next, 15);
		String bookingId = ok(employee.post("/api/bookings/v1/bookings",
				Map.of("workspaceId", deskId, "start", at(day, 8), "end", at(day, 19))), 201)
			.json()
			.get("bookingId")
			.asString();
		Platform.stopService("booking-service");
		try {
			Client.Response down = employee.get("/api/bookings/v1/me/bookings");
			assertThat(down.status()).isEqualTo(503);
			assertThat(down.contentType()).startsWith("application/problem+json");
			assertThat(Client.anonymous().get("/api/venues/v1/search?city=Grenoble").status()).isEqualTo(200);
			assertThat(owner.get("/api/billing/v1/partners/" + partnerId + "/statements/" + MONTH).status())
				.isEqualTo(200);
		}
		finally {
			Platform.startService("booking-service");
		}
		eventually("bookings answer again",
				() -> assertThat(employee.get("/api/bookings/v1/bookings/" + bookingId).status()).isEqualTo(200));
		eventually("billing saw the booking made just before the outage", () -> assertThat(
				owner.read("/api/billing/v1/partners/" + partnerId + "/statements/" + next).get("lines").toString())
			.contains(bookingId));
	}

}
