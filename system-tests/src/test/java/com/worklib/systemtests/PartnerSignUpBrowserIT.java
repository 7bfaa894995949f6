package com.worklib.systemtests;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrated partner's first visit, in a real browser through the gateway only, as the
 * FAQ walks it: the login page warns her when she types her Neo-nomade password and links
 * to "S'inscrire"; the migration mail's button → "S'inscrire" with her address filled in
 * → "check your mailbox" → the mailed link → she chooses her password → Keycloak's login
 * → "Votre espace" with the listing attached. On a phone-sized screen, checked by
 * axe-core on every page; another partner's page is the 404 page.
 */
@ExtendWith(PlatformExtension.class)
@Order(1)
class PartnerSignUpBrowserIT {

	static final String PASSWORD = "Navigateur-2026!";

	static Browser browser;

	@BeforeAll
	static void open() {
		browser = Browser.open();
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	/** Two migrated partners in Annecy; returns the partner ids by migration address. */
	static java.util.Map<String, String> imported(String first, String second) {
		String row = "%s;%s SAS;%s;15;%s;%s Annecy;1 rue Royale;;74000;Annecy;FR;Europe/Paris;mon-fri 08:00-19:00;"
				+ "resa@%s.test;04 50 00 00 00;%s;desk;Open space;6;instant;day;22,00;20\n";
		String id = first.substring(first.indexOf('-') + 1, first.indexOf('@'));
		String csv = "nn_partner_id;partner_legal_name;migration_email;platform_fee_percent;nn_establishment_id;"
				+ "establishment_name;address_line1;address_line2;postal_code;city;country;timezone;opening_hours;"
				+ "booking_contact_email;booking_contact_phone;nn_workspace_id;workspace_type;workspace_name;capacity;"
				+ "booking_mode;price_unit;price_excl_vat;vat_rate_percent\n"
				+ row.formatted("NN-P-A" + id, "Atelier du Lac " + id, first, "NN-E-A" + id, "Atelier du Lac " + id,
						"lac-" + id, "NN-W-A" + id)
				+ ("NN-P-A%s;Atelier du Lac %s SAS;%s;15;NN-E-A%s;Atelier du Lac %s Annecy;1 rue Royale;;74000;Annecy;FR;"
						+ "Europe/Paris;mon-fri 08:00-19:00;resa@lac-%s.test;04 50 00 00 00;NN-W-R%s;meeting_room;"
						+ "Salle du Lac;8;request;hour;30,00;20\n")
					.formatted(id, id, first, id, id, id, id)
				+ row.formatted("NN-P-B" + id, "Bureaux du Semnoz " + id, second, "NN-E-B" + id,
						"Bureaux du Semnoz " + id, "semnoz", "NN-W-B" + id);
		Client ops = Client.login("ops@worklib.test", PartnersMonthIT.DEV_PASSWORD);
		JsonNode result = PartnersMonthIT.ok(ops.post("/api/venues/v1/imports/neo-nomade", "text/csv", csv), 200)
			.json();
		assertThat(result.get("partnersCreated").asInt()).isEqualTo(2);
		java.util.Map<String, String> partners = new java.util.HashMap<>();
		PartnersMonthIT.eventually("both listings are searchable", () -> {
			for (JsonNode item : Client.anonymous().read("/api/venues/v1/search?city=Annecy&size=200").get("items")) {
				String name = item.get("establishment").get("name").asString();
				String partnerId = item.get("establishment").get("partnerId").asString();
				if (name.equals("Atelier du Lac " + id + " Annecy")) {
					partners.put(first, partnerId);
				}
				if (name.equals("Bureaux du Semnoz " + id + " Annecy")) {
					partners.put(second, partnerId);
				}
			}
			assertThat(partners).hasSize(2);
		});
		return partners;
	}

	static String link(Mailbox.Mail mail, String path) {
		Matcher m = Pattern.compile("(http://localhost:8080" + Pattern.quote(path) + "[^\\s\"<>]*)")
			.matcher(mail.text());
		if (!m.find()) {
			throw new AssertionError("No " + path + " link in \"" + mail.subject() + "\":\n" + mail.text());
		}
		return m.group(1);
	}

	@Test
	void aMigratedPartnerSignsUpFromTheMailChoosesHerPasswordAndFindsHerListingAttached() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String owner = "odile-" + suffix + "@lac.test";
		String other = "paul-" + suffix + "@semnoz.test";
		java.util.Map<String, String> partners = imported(owner, other);

		Mailbox.Mail migration = Mailbox.await(owner, s -> s.contains("maintenant sur Worklib"));
		Page page = browser.person("fr-FR", 375);
		try {
			journey(page, migration, owner, other, partners);
		}
		catch (AssertionError | RuntimeException ex) {
			Browser.screenshot(page, "failed-" + getClass().getSimpleName());
			throw new AssertionError(ex.getMessage() + "\nat " + page.url() + ":\n" + page.innerText("body"), ex);
		}
	}

	void journey(Page page, Mailbox.Mail migration, String owner, String other,
			java.util.Map<String, String> partners) {
		// "Rendez-vous sur la page de connexion": she first types her Neo-nomade password
		page.navigate(Platform.GATEWAY + "/");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se connecter")).first().click();
		page.waitForURL(Pattern.compile(".*/auth/realms/worklib/.*"));
		assertThat(page.getByText("N'essayez pas de vous connecter avec vos identifiants Neo-nomade")).isVisible();
		page.getByLabel("Adresse e-mail").fill(owner);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill("MonMotDePasseNeoNomade1");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connexion")).click();
		assertThat(page.getByText("Vous avez saisi vos identifiants Neo-nomade ?")).isVisible();
		Browser.assertAccessible(page);
		Browser.screenshot(page, "00-login-neo-nomade-warning-375px");
		// "Cliquez sur le bouton S'inscrire"
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S'inscrire")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Créer votre compte Worklib")))
			.isVisible();
		// the migration mail's button opens the same page with her address filled in
		page.navigate(link(migration, "/signup"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Créer votre compte Worklib")))
			.isVisible();
		assertThat(page.getByLabel("Adresse e-mail")).hasValue(owner);
		Browser.assertAccessible(page);
		Browser.screenshot(page, "01-signup-375px");

		// a forgotten field is named next to it, in French
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S'inscrire")).click();
		assertThat(page.locator("#firstName-error")).hasText("est obligatoire");
		Browser.assertAccessible(page);

		page.getByLabel("Prénom").fill("Odile");
		page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Lac");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S'inscrire")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Vérifiez votre boîte mail")))
			.isVisible();
		Browser.assertAccessible(page);

		Mailbox.Mail verification = Mailbox.await(owner, s -> s.contains("Confirmez votre adresse"));
		page.navigate(link(verification, "/verify-email"));
		assertThat(page).not().hasURL(Pattern.compile(".*token=.*"));
		assertThat(
				page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choisissez votre mot de passe")))
			.isVisible();
		Browser.assertAccessible(page);
		Browser.screenshot(page, "02-choose-password-375px");

		// the API's refusal appears next to the field it names
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill("court");
		page.getByLabel("Confirmez le mot de passe").fill("court");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer mon adresse")).click();
		assertThat(page.locator("#password-error")).containsText("12");
		Browser.assertAccessible(page);

		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		page.getByLabel("Confirmez le mot de passe").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer mon adresse")).click();

		// Keycloak's login page, through the gateway
		page.waitForURL(Pattern.compile(".*/auth/realms/worklib/.*"));
		page.getByLabel("Adresse e-mail").fill(owner);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connexion")).click();

		page.waitForURL(Pattern.compile(".*/partners/" + partners.get(owner) + ".*"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Votre espace"))).isVisible();
		assertThat(page.getByText("La fiche que nous avons créée pour vous est rattachée à votre compte")).isVisible();
		String suffix = owner.substring(owner.indexOf('-') + 1, owner.indexOf('@'));
		assertThat(page.getByRole(AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Atelier du Lac " + suffix + " SAS")))
			.isVisible();
		assertThat(page.getByText("Bienvenue Odile : votre adresse est confirmée.")).isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lieux et espaces de travail")))
			.isVisible();
		Browser.assertAccessible(page);
		Browser.screenshot(page, "03-votre-espace-375px");

		// "Lieux et espaces de travail" → "Éditer l'établissement" → "Contact pour les
		// réservations"
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lieux et espaces de travail")).click();
		assertThat(page.getByRole(AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Atelier du Lac " + suffix + " Annecy")))
			.isVisible();
		assertThat(page.getByText("Salle du Lac")).isVisible();
		Browser.assertAccessible(page);
		Browser.screenshot(page, "04-lieux-375px");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Éditer l'établissement")).click();
		assertThat(
				page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contact pour les réservations")))
			.isVisible();
		assertThat(page.getByText("Les demandes de réservation sont envoyées à cette adresse")).isVisible();
		String newContact = "accueil-" + suffix + "@lac.test";
		page.getByLabel("E-mail pour les réservations").fill(newContact);
		page.getByLabel("Téléphone pour les réservations").fill("12");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
		// the API's refusal, next to the phone, in French
		assertThat(page.locator("#phone-error")).containsText("n’est pas un numéro de téléphone valide");
		Browser.assertAccessible(page);
		Browser.screenshot(page, "05-contact-error-375px");
		page.getByLabel("Téléphone pour les réservations").fill("04 50 11 22 33");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
		assertThat(page.getByText("est enregistré")).isVisible();
		assertThat(page.getByText(newContact)).isVisible();
		assertThat(page.getByText("+33450112233")).isVisible();
		Browser.assertAccessible(page);

		// opening hours, day by day: a lunch break on Mondays, Saturday mornings; the
		// API's refusal of a day that closes before it opens is shown next to that day
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Éditer l'établissement")).click();
		assertThat(page.getByLabel("Mardi")).hasValue("08:00-19:00");
		assertThat(page.getByLabel("Dimanche")).hasValue("");
		page.getByLabel("Lundi").fill("19:00-08:00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
		assertThat(page.locator("#monday-error")).containsText("ferme avant d’ouvrir");
		Browser.assertAccessible(page);
		page.getByLabel("Lundi").fill("08:00-12:00, 13:00-19:00");
		page.getByLabel("Samedi").fill("9h-13h");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
		assertThat(page.getByText("est enregistré")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Éditer l'établissement")).click();
		assertThat(page.getByLabel("Lundi")).hasValue("08:00-12:00, 13:00-19:00");
		assertThat(page.getByLabel("Samedi")).hasValue("09:00-13:00");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Retour aux lieux")).click();

		// a later booking request goes to the new address
		Client employee = Client.login("employee@worklib.test", PartnersMonthIT.DEV_PASSWORD);
		String roomId = null;
		for (JsonNode item : Client.anonymous().read("/api/venues/v1/search?city=Annecy&size=200").get("items")) {
			for (JsonNode workspace : item.get("workspaces")) {
				if (workspace.get("name").asString().equals("Salle du Lac")
						&& item.get("establishment").get("partnerId").asString().equals(partners.get(owner))) {
					roomId = workspace.get("workspaceId").asString();
				}
			}
		}
		assertThat(roomId).isNotNull();
		java.time.LocalDate day = java.time.LocalDate.now(PartnersMonthIT.PARIS).plusDays(7);
		while (day.getDayOfWeek().getValue() > 5) {
			day = day.plusDays(1);
		}
		String booked = roomId;
		java.time.LocalDate bookedDay = day;
		PartnersMonthIT.eventually("booking-service knows the room",
				() -> assertThat(
						employee
							.post("/api/bookings/v1/bookings",
									java.util.Map.of("workspaceId", booked, "start", PartnersMonthIT.at(bookedDay, 10),
											"end", PartnersMonthIT.at(bookedDay, 11)))
							.status())
					.isEqualTo(201));
		Mailbox.await(newContact, subject -> subject.startsWith("Nouvelle demande de réservation"));
		assertThat(Mailbox.of("resa@lac-" + suffix + ".test"))
			.noneMatch(m -> m.subject().startsWith("Nouvelle demande"));

		// English, kept
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Votre espace")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("EN").setExact(true)).click();
		assertThat(page.getByText("The listing we created for you is attached to your account")).isVisible();
		page.navigate(Platform.GATEWAY + "/partners/" + partners.get(owner));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your space"))).isVisible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("FR").setExact(true)).click();

		// the other partner's space is the 404 page, whatever tab
		for (String path : new String[] { "", "/lieux", "/equipe" }) {
			com.microsoft.playwright.Response refused = page
				.navigate(Platform.GATEWAY + "/partners/" + partners.get(other) + path);
			assertThat(refused.status()).isEqualTo(404);
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page introuvable")))
				.isVisible();
			assertThat(page.getByText("Bureaux du Semnoz")).hasCount(0);
		}
		Browser.assertAccessible(page);

		// logging out ends the Keycloak session too: the space asks to log in again
		page.navigate(Platform.GATEWAY + "/partners/" + partners.get(owner));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
		page.waitForURL(Platform.GATEWAY + "/");
		page.navigate(Platform.GATEWAY + "/partners/" + partners.get(owner));
		page.waitForURL(Pattern.compile(".*/auth/realms/worklib/.*"));
		assertThat(page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true))).isVisible();
	}

}
