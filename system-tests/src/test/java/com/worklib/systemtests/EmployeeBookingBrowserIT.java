package com.worklib.systemtests;

import java.io.StringReader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The employees' app in Chromium through the gateway, on a phone: search Lyon tomorrow,
 * book a desk, find it in "Mes réservations" and add it to a calendar; request a room the
 * partner confirms in the back-office; a room just taken is not offered to the next
 * person; a late cancellation says its fee first; the partner's calendar feed lists the
 * booking and stops answering once renewed.
 */
@ExtendWith(PlatformExtension.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmployeeBookingBrowserIT {

	static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

	static Browser browser;

	static String id;

	static String establishment;

	static String partnerId;

	static String owner;

	static Client ownerClient;

	static String emmaEmail;

	static Client emma;

	static String deskBooking;

	static LocalDate tomorrow;

	@BeforeAll
	static void open() {
		browser = Browser.open();
		id = UUID.randomUUID().toString().substring(0, 6);
		establishment = "Atelier Presqu'île " + id;
		owner = "lea-" + id + "@presquile.test";
		// open round the clock, every day: the journeys hold whatever the hour of the run
		String row = "NN-P-L%s;Presqu'île %s SAS;%s;15;NN-E-L%s;%s;12 rue de la République;;69002;Lyon;FR;Europe/Paris;"
				+ "mon-sun 00:00-23:59;resa@presquile-%s.test;04 72 00 00 00;%s;%s;%s;%s;%s;hour;%s;20\n";
		String csv = OpsConsoleBrowserIT.HEADER
				+ row.formatted(id, id, owner, id, establishment, id, "NN-W-D" + id, "desk", "Plateau " + id, 4,
						"instant", "5,00")
				+ row.formatted(id, id, owner, id, establishment, id, "NN-W-C" + id, "meeting_room",
						"Salle Confluence " + id, 8, "request", "30,00")
				+ row.formatted(id, id, owner, id, establishment, id, "NN-W-T" + id, "meeting_room",
						"Salle Terreaux " + id, 6, "instant", "25,00");
		Client ops = Client.login("ops@worklib.test", PartnersMonthIT.DEV_PASSWORD);
		PartnersMonthIT.ok(ops.post("/api/venues/v1/imports/neo-nomade", "text/csv", csv), 200);
		PartnersMonthIT.eventually("the listing is searchable", () -> {
			for (JsonNode item : Client.anonymous().read("/api/venues/v1/search?city=Lyon&size=200").get("items")) {
				if (item.get("establishment").get("name").asString().equals(establishment)) {
					partnerId = item.get("establishment").get("partnerId").asString();
				}
			}
			assertThat(partnerId).isNotNull();
		});
		ownerClient = PartnersMonthIT.claimedBy(owner, "Léa", partnerId);
		// how to get in, which only the people who booked receive
		JsonNode place = ownerClient.read("/api/venues/v1/partners/" + partnerId + "/establishments")
			.get("items")
			.get(0);
		Map<String, Object> body = Client.JSON.convertValue(place, Map.class);
		body.keySet()
			.retainAll(
					java.util.Set.of("name", "address", "timezone", "openingHours", "description", "bookingContact"));
		body.put("accessInstructions", "3e étage, code 4812B");
		PartnersMonthIT
			.ok(ownerClient.put("/api/venues/v1/establishments/" + place.get("establishmentId").asString(), body), 200);
		emmaEmail = "emma-" + id + "@acme.test";
		emma = PartnersMonthIT.signUpAndVerify(emmaEmail, "Emma", "Acme Conseil");
		tomorrow = LocalDate.now(PartnersMonthIT.PARIS).plusDays(1);
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	/** Where, when, what, on the search page, as a person fills it. */
	static void search(Page page, String from, String to, String type) {
		page.getByLabel("Ville").fill("Lyon");
		page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(tomorrow.format(ISO));
		page.getByLabel("De", new Page.GetByLabelOptions().setExact(true)).selectOption(from);
		page.getByLabel("À", new Page.GetByLabelOptions().setExact(true)).selectOption(to);
		page.getByLabel("Type d'espace")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(type));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
	}

	static AssertionError failed(Page page, Throwable ex, String name) {
		Browser.screenshot(page, "failed-" + name);
		return new AssertionError(ex.getMessage() + "\nat " + page.url() + ":\n" + page.innerText("body"), ex);
	}

	@Test
	@Order(1)
	void onAPhoneSheSearchesLyonTomorrowBooksADeskAndAddsItToHerCalendar() throws Exception {
		Page page = browser.person("fr-FR", 375);
		try {
			page.navigate(Platform.GATEWAY + "/search");
			Browser.assertAccessible(page);
			search(page, "09:00", "11:00", "Poste");
			Locator card = page.locator("article.offer")
				.filter(new Locator.FilterOptions().setHasText("Plateau " + id));
			assertThat(card).hasCount(1);
			// 5 € HT × 2 h + 15 % = 11,50 € HT, 13,80 € TTC
			assertThat(card.getByText("13,80\u00a0€ TTC")).isVisible();
			assertThat(card.getByText("Réservation immédiate")).isVisible();
			Browser.assertAccessible(page);
			Browser.screenshot(page, "19-recherche-375px");

			card.getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Voir le prix et réserver — Plateau " + id))
				.click();
			PartnerTeamBrowserIT.keycloakLogin(page, emmaEmail);
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Votre réservation")))
				.isVisible();
			assertThat(page.getByText("13,80\u00a0€ TTC")).isVisible();
			assertThat(page
				.getByText(Pattern.compile("(les frais d'annulation sont de|l'annuler coûtera) 10,00\u00a0€ HT")))
				.isVisible();
			Browser.assertAccessible(page);
			Browser.screenshot(page, "20-reserver-375px");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Réserver").setExact(true)).click();

			page.waitForURL(Pattern.compile(".*/bookings/[0-9a-f-]{36}\\?new.*"));
			deskBooking = page.url().replaceAll(".*/bookings/([0-9a-f-]{36}).*", "$1");
			assertThat(page.getByText("C'est réservé")).isVisible();
			assertThat(page.getByText("3e étage, code 4812B")).isVisible();
			assertThat(page.getByText("+33472000000")).isVisible();

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes réservations").setExact(true))
				.click();
			Locator upcoming = page.locator("section").filter(new Locator.FilterOptions().setHasText("À venir"));
			assertThat(upcoming.getByText("Plateau " + id + " — " + establishment)).isVisible();
			assertThat(upcoming.getByText("Confirmée").first()).isVisible();
			Browser.assertAccessible(page);
			Browser.screenshot(page, "21-mes-reservations-375px");
			Download download = page
				.waitForDownload(
						() -> page
							.getByRole(AriaRole.LINK,
									new Page.GetByRoleOptions()
										.setName("Ajouter Plateau " + id + " à mon agenda (.ics)"))
							.click());
			Calendar calendar = new CalendarBuilder().build(new StringReader(Files.readString(download.path())));
			VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
			assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(deskBooking + "@worklib");
			assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
				.isEqualTo("Europe/Paris");
			assertThat(event.getProperty("DTSTART").orElseThrow().getValue())
				.isEqualTo(tomorrow.format(DateTimeFormatter.BASIC_ISO_DATE) + "T090000");
			assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
		}
		catch (AssertionError | RuntimeException ex) {
			throw failed(page, ex, "employee-1");
		}
	}

	@Test
	@Order(2)
	void sheRequestsARoomThePartnerConfirmsItAndHerPageAndMailSayConfirmed() throws Exception {
		Page page = browser.person("fr-FR", 375);
		Page partner = browser.person("fr-FR", 1280);
		try {
			PartnerTeamBrowserIT.logIn(page, "/bookings", emmaEmail);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Réserver un espace").setExact(true))
				.first()
				.click();
			search(page, "14:00", "16:00", "Salle de réunion");
			Locator card = page.locator("article.offer")
				.filter(new Locator.FilterOptions().setHasText("Salle Confluence " + id));
			assertThat(card.getByText("Sur demande : le partenaire a 72 h pour répondre")).isVisible();
			card.getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Voir le prix et réserver — Salle Confluence " + id))
				.click();
			assertThat(page.getByText(Pattern.compile("le partenaire a 72 h pour répondre"))).isVisible();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer la demande")).click();
			page.waitForURL(Pattern.compile(".*/bookings/[0-9a-f-]{36}\\?new.*"));
			String request = page.url().replaceAll(".*/bookings/([0-9a-f-]{36}).*", "$1");
			assertThat(page.getByText("Votre demande est envoyée", new Page.GetByTextOptions().setExact(false)))
				.isVisible();
			assertThat(page.getByText("En attente", new Page.GetByTextOptions().setExact(true))).isVisible();

			PartnerTeamBrowserIT.logIn(partner, "/partners/" + partnerId + "/reservations", owner);
			partner
				.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer la demande Salle Confluence "
						+ id + " " + tomorrow.format(DateTimeFormatter.ofPattern("dd/MM")) + " 14:00"))
				.click();
			assertThat(partner.getByText("Confirmée").first()).isVisible();

			PartnersMonthIT.eventually("the request is confirmed",
					() -> assertThat(emma.read("/api/bookings/v1/bookings/" + request).get("status").asString())
						.isEqualTo("CONFIRMED"));
			page.navigate(Platform.GATEWAY + "/bookings/" + request);
			assertThat(page.getByText("Confirmée", new Page.GetByTextOptions().setExact(true))).isVisible();
			Mailbox.Mail confirmed = Mailbox.await(emmaEmail,
					s -> s.startsWith("Réservation confirmée : Salle Confluence " + id));
			assertThat(confirmed.text()).contains("3e étage, code 4812B").contains("Le fichier joint ajoute");
			assertThat(confirmed.attachments()).anySatisfy(ics -> {
				assertThat(ics.contentType()).startsWith("text/calendar");
				assertThat(new String(ics.content(), java.nio.charset.StandardCharsets.UTF_8))
					.contains("UID:" + request + "@worklib");
			});
		}
		catch (AssertionError | RuntimeException ex) {
			throw failed(partner.url().contains("/partners/") ? partner : page, ex, "employee-2");
		}
	}

	@Test
	@Order(3)
	void aRoomJustTakenIsNotOfferedToTheNextPerson() {
		PartnersMonthIT.ok(emma.post("/api/bookings/v1/bookings",
				Map.of("workspaceId", PartnersMonthIT.workspaceId(ownerClient, partnerId, "Salle Terreaux " + id),
						"start", PartnersMonthIT.at(tomorrow, 9), "end", PartnersMonthIT.at(tomorrow, 11))),
				201);
		Page page = browser.person("fr-FR", 375);
		try {
			// with the keyboard only: the defaults are tomorrow, 09:00 to 11:00
			page.navigate(Platform.GATEWAY + "/search");
			page.getByLabel("Ville").focus();
			page.keyboard().type("Lyon");
			page.keyboard().press("Tab");
			assertThat(page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true))).isFocused();
			page.getByLabel("Type d'espace").focus();
			// "Tous les types", "Poste", "Salle de réunion"
			page.keyboard().press("ArrowDown");
			page.keyboard().press("ArrowDown");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).focus();
			page.keyboard().press("Enter");
			page.waitForURL(Pattern.compile(".*type=MEETING_ROOM.*"));
			Locator ours = page.locator("article.offer").filter(new Locator.FilterOptions().setHasText(establishment));
			assertThat(ours.filter(new Locator.FilterOptions().setHasText("Salle Confluence " + id))).hasCount(1);
			assertThat(ours.filter(new Locator.FilterOptions().setHasText("Salle Terreaux " + id))).hasCount(0);
			// the establishment's day, where the room just taken shows taken at 09:00
			ours.first()
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Voir l'établissement et sa journée"))
				.focus();
			page.keyboard().press("Enter");
			Locator terreaux = page.getByRole(AriaRole.LIST,
					new Page.GetByRoleOptions().setName("Journée de Salle Terreaux " + id + ", par demi-heure"));
			assertThat(terreaux.locator("li.taken").filter(new Locator.FilterOptions().setHasText("09:00")))
				.hasCount(1);
			assertThat(terreaux.locator("li.free").filter(new Locator.FilterOptions().setHasText("11:00"))).hasCount(1);
			Browser.assertAccessible(page);
		}
		catch (AssertionError | RuntimeException ex) {
			throw failed(page, ex, "employee-3");
		}
	}

	@Test
	@Order(4)
	void aLateCancellationShowsItsFeeBeforeSheConfirms() {
		// starts within the hour: cancelling it now is late
		ZonedDateTime now = ZonedDateTime.now(PartnersMonthIT.PARIS).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		ZonedDateTime start = now.withMinute(now.getMinute() < 30 ? 0 : 30).plusMinutes(60);
		String booking = PartnersMonthIT.ok(emma.post("/api/bookings/v1/bookings",
				Map.of("workspaceId", PartnersMonthIT.workspaceId(ownerClient, partnerId, "Plateau " + id), "start",
						start.toOffsetDateTime().toString(), "end", start.plusHours(1).toOffsetDateTime().toString())),
				201)
			.json()
			.get("bookingId")
			.asString();
		Page page = browser.person("fr-FR", 375);
		try {
			PartnerTeamBrowserIT.logIn(page, "/bookings/" + booking, emmaEmail);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annuler").setExact(true)).click();
			assertThat(
					page.getByText("Moins de 24 h avant le début, cette annulation vous sera facturée 5,00\u00a0€ HT."))
				.isVisible();
			Browser.assertAccessible(page);
			Browser.screenshot(page, "22-annulation-tardive-375px");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer l'annulation")).click();
			assertThat(page.getByText("La réservation est annulée.")).isVisible();
			assertThat(page.getByText("Frais d'annulation : 5,00\u00a0€ HT")).isVisible();
			assertThat(emma.read("/api/bookings/v1/bookings/" + booking)
				.get("cancellationFee")
				.get("amountMinor")
				.asLong()).isEqualTo(500);
		}
		catch (AssertionError | RuntimeException ex) {
			throw failed(page, ex, "employee-4");
		}
	}

	@Test
	@Order(5)
	void thePartnersFeedListsTheBookingAndStopsAnsweringOnceRenewed() {
		Page page = browser.person("fr-FR", 1280);
		try {
			PartnerTeamBrowserIT.logIn(page, "/partners/" + partnerId + "/lieux", owner);
			Locator url = page.getByLabel("Adresse d'abonnement de l'agenda de " + establishment);
			String feed = url.inputValue();
			assertThat(feed).matches("http://localhost:8080/api/bookings/v1/feeds/[A-Za-z0-9_-]{43}\\.ics");
			Client.Response listed = Client.anonymous().get(feed);
			assertThat(listed.status()).isEqualTo(200);
			assertThat(listed.contentType()).startsWith("text/calendar");
			assertThat(listed.body().replaceAll("\r?\n[ \t]", "")).contains("UID:" + deskBooking + "@worklib")
				.doesNotContain(emmaEmail);
			Browser.assertAccessible(page);
			Browser.screenshot(page, "23-agenda-partenaire");

			page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Renouveler l'adresse d'abonnement de " + establishment))
				.click();
			assertThat(page.getByText(Pattern.compile("l'ancienne ne répond plus"))).isVisible();
			String renewed = page.getByLabel("Adresse d'abonnement de l'agenda de " + establishment).inputValue();
			assertThat(renewed).isNotEqualTo(feed);
			assertThat(Client.anonymous().get(feed).status()).isEqualTo(404);
			assertThat(Client.anonymous().get(renewed).status()).isEqualTo(200);
		}
		catch (AssertionError | RuntimeException ex) {
			throw failed(page, ex, "employee-5");
		}
	}

}
