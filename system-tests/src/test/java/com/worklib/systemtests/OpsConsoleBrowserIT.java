package com.worklib.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ops console in a real browser: ops uploads a Neo-nomade CSV with two bad rows, sees
 * them as a table and downloads them, finds the imported partner unclaimed; a partner's
 * member opening {@code /ops} gets the forbidden page.
 */
@ExtendWith(PlatformExtension.class)
@Order(1)
class OpsConsoleBrowserIT {

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

	static final String HEADER = "nn_partner_id;partner_legal_name;migration_email;platform_fee_percent;"
			+ "nn_establishment_id;establishment_name;address_line1;address_line2;postal_code;city;country;timezone;"
			+ "opening_hours;booking_contact_email;booking_contact_phone;nn_workspace_id;workspace_type;"
			+ "workspace_name;capacity;booking_mode;price_unit;price_excl_vat;vat_rate_percent\n";

	static String row(String id, String name, String email, String price, String timezone) {
		return ("NN-P-%s;%s SAS;%s;15;NN-E-%s;%s Chambéry;2 place Saint-Léger;;73000;Chambéry;FR;%s;"
				+ "mon-fri 08:00-19:00;resa@%s.test;04 79 00 00 00;NN-W-%s;desk;Open space;6;instant;day;%s;20\n")
			.formatted(id, name, email, id, name, timezone, id.toLowerCase(), id, price);
	}

	@Test
	void opsUploadsACsvWithTwoBadRowsAndSeesThemAndAPartnerMemberIsRefused() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String name = "Savoie Bureaux " + id;
		String csv = HEADER + row("O" + id, name, "sonia-" + id.toLowerCase() + "@savoie.test", "22,00", "Europe/Paris")
				+ row("X" + id, "Prix Faux " + id, "x-" + id.toLowerCase() + "@savoie.test", "douze", "Europe/Paris")
				+ row("Y" + id, "Fuseau Faux " + id, "y-" + id.toLowerCase() + "@savoie.test", "20,00", "Mars/Olympus");
		Path file = Files.createTempFile("neo-nomade-", ".csv");
		Files.writeString(file, csv);

		Page page = browser.person("fr-FR", 1280);
		try {
			page.navigate(Platform.GATEWAY + "/ops");
			page.waitForURL(Pattern.compile(".*/auth/realms/worklib/.*"));
			page.getByLabel("Adresse e-mail").fill("ops@worklib.test");
			page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true))
				.fill(PartnersMonthIT.DEV_PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connexion")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Console ops")))
				.isVisible();
			Browser.assertAccessible(page);

			page.getByLabel("Fichier CSV").setInputFiles(file);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer")).click();
			assertThat(page.getByText("2 ligne(s) refusée(s) :")).isVisible();
			Locator refused = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Lignes refusées"));
			assertThat(refused.locator("tbody tr")).hasCount(2);
			assertThat(refused.getByText(Pattern.compile("douze"))).isVisible();
			assertThat(refused.getByText(Pattern.compile("Mars/Olympus"))).isVisible();
			Browser.assertAccessible(page);
			Browser.screenshot(page, "17-ops-import-errors");
			Download download = page.waitForDownload(
					() -> page
						.getByRole(AriaRole.BUTTON,
								new Page.GetByRoleOptions().setName("Télécharger les lignes refusées (CSV)"))
						.click());
			String[] lines = Files.readString(download.path()).split("\r\n");
			assertThat(lines).hasSize(3);
			assertThat(lines[0]).isEqualTo("line;message");
			assertThat(lines[1]).matches("\\d+;.*douze.*");
			assertThat(lines[2]).matches("\\d+;.*Mars/Olympus.*");

			// the good row was imported: its partner waits to be claimed
			page.getByLabel("Nom, code, adresse de migration ou identifiant Neo-nomade").fill(name);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher")).click();
			Locator partners = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Partenaires"));
			assertThat(partners.getByText(name + " SAS")).isVisible();
			assertThat(partners.getByText("Non réclamé")).isVisible();
			Browser.assertAccessible(page);
			Browser.screenshot(page, "18-ops-partners");
			page.context().close();

			// a partner's owner is no ops member
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			String owner = "oscar-" + suffix + "@lac.test";
			PartnerSignUpBrowserIT.imported(owner, "otto-" + suffix + "@semnoz.test");
			PartnersMonthIT.signUpAndVerify(owner, "Oscar");
			Page partner = browser.person("fr-FR", 375);
			PartnerTeamBrowserIT.logIn(partner, "/ops", owner);
			assertThat(partner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Accès refusé")))
				.isVisible();
			assertThat(partner.getByText("Importer un export Neo-nomade")).hasCount(0);
		}
		catch (AssertionError | RuntimeException ex) {
			if (!page.isClosed()) {
				Browser.screenshot(page, "failed-" + getClass().getSimpleName());
				throw new AssertionError(ex.getMessage() + "\nat " + page.url() + ":\n" + page.innerText("body"), ex);
			}
			throw ex;
		}
	}

	@Test
	void opsStartsACloseAndAPaymentRunAndReadsDeadLettersAndMailsOnAPhoneInBothLanguages() {
		Page page = browser.person("fr-FR", 375);
		try {
			page.navigate(Platform.GATEWAY + "/ops");
			page.waitForURL(Pattern.compile(".*/auth/realms/worklib/.*"));
			page.getByLabel("Adresse e-mail").fill("ops@worklib.test");
			page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true))
				.fill(PartnersMonthIT.DEV_PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connexion")).click();

			// last month's close, as the console proposes it
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer la clôture")).click();
			assertThat(page.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName(Pattern.compile("^Clôture de \\d{4}-\\d{2}$"))))
				.isVisible();
			assertThat(page.getByText(Pattern.compile("partenaire\\(s\\) traité\\(s\\) sur"))).isVisible();
			Browser.assertAccessible(page);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Console ops")).click();

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer les virements")).click();
			assertThat(page.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName(Pattern.compile("^Virements du "))))
				.isVisible();
			assertThat(page.getByText(Pattern.compile("virement\\(s\\) traité\\(s\\) sur"))).isVisible();
			Browser.assertAccessible(page);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Console ops")).click();

			page.getByLabel("Adresse e-mail", new Page.GetByLabelOptions().setExact(true)).fill("nobody@worklib.test");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir ses e-mails")).click();
			assertThat(page.getByText("Aucun e-mail pour cette adresse.")).isVisible();
			Browser.assertAccessible(page);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lettres mortes").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Lettres mortes")))
				.isVisible();
			assertThat(page.getByText(Pattern.compile("^billing : \\d+ lettre\\(s\\) morte\\(s\\)$"))).isVisible();
			Browser.assertAccessible(page);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("EN").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dead letters")))
				.isVisible();
			assertThat(page.getByText(Pattern.compile("^billing: \\d+ dead letter\\(s\\)$"))).isVisible();
			Browser.assertAccessible(page);
		}
		catch (AssertionError | RuntimeException ex) {
			Browser.screenshot(page, "failed-" + getClass().getSimpleName() + "-phone");
			throw new AssertionError(ex.getMessage() + "\nat " + page.url() + ":\n" + page.innerText("body"), ex);
		}
	}

}
