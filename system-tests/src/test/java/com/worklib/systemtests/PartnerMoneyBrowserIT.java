package com.worklib.systemtests;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's money in a real browser, through the gateway: FINANCE fills the billing
 * information with a wrong SIRET, sees the error on the field and fixes it; the OWNER
 * reads and accepts the mandate; the readiness panel shows Stripe missing until the OWNER
 * completes onboarding on the emulator's page; after the month closes (moved clock),
 * "Factures" shows the invoice whose lines are the bookings table's amounts, explained to
 * the cent, and its PDF downloads; the payout is planned on a business day from the 10th
 * and turns PAID after the emulator's bank payout. Runs after the partner's month, which
 * moved the clock first.
 */
@ExtendWith(PlatformExtension.class)
@Order(3)
class PartnerMoneyBrowserIT {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

	@Test
	void aPartnerSetsUpBillingAndStripeThenReadsItsInvoiceAndIsPaid() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String owner = "rose-" + suffix + "@lac.test";
		String partnerId = PartnerSignUpBrowserIT.imported(owner, "remi-" + suffix + "@semnoz.test").get(owner);
		Client ownerClient = PartnersMonthIT.claimedBy(owner, "Rose", partnerId);
		String finance = "felix-" + suffix + "@lac.test";
		PartnersMonthIT.invite(ownerClient, partnerId, finance, "Félix", "FINANCE");

		Page page = browser.person("fr-FR", 375);
		try {
			billingInformationByFinance(page, partnerId, finance);
			page = browser.person("fr-FR", 375);
			mandateAndStripeByTheOwner(page, partnerId, owner);
			String invoiceNumber = theMonthIsInvoicedAsTheTableSays(page, partnerId, ownerClient, suffix);
			thePayoutIsPaid(page, partnerId, ownerClient, invoiceNumber);
		}
		catch (AssertionError | RuntimeException ex) {
			Browser.screenshot(page, "failed-" + getClass().getSimpleName());
			throw new AssertionError(ex.getMessage() + "\nat " + page.url() + ":\n" + page.innerText("body"), ex);
		}
	}

	static void fill(Page page, String label, String value) {
		page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).fill(value);
	}

	void billingInformationByFinance(Page page, String partnerId, String finance) {
		PartnerTeamBrowserIT.logIn(page, "/espace", finance);
		page.waitForURL(Pattern.compile(".*/partners/" + partnerId + ".*"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Paramètres").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Informations de facturation").setExact(true)))
			.isVisible();
		fill(page, "Raison sociale", "Atelier du Lac SAS");
		fill(page, "Forme juridique (SAS, SARL, EI…)", "SAS");
		// one digit off: the check digit does not match
		fill(page, "SIRET", "44306184100048");
		page.getByLabel("Régime de TVA").selectOption(new SelectOption().setLabel("Assujetti à la TVA"));
		fill(page, "Numéro de TVA intracommunautaire", "FR64443061841");
		fill(page, "Adresse", "1 rue Royale");
		fill(page, "Code postal", "74000");
		fill(page, "Ville", "Annecy");
		fill(page, "Pays (code à deux lettres, FR)", "FR");
		fill(page, "E-mail de facturation", "compta@lac.test");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();

		Locator siret = page.getByLabel("SIRET", new Page.GetByLabelOptions().setExact(true));
		assertThat(siret).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#siret-error")).containsText("n’est pas un SIRET valide");
		// what was typed is still there, the other fields unflagged
		assertThat(page.getByLabel("Ville", new Page.GetByLabelOptions().setExact(true))).hasValue("Annecy");
		assertThat(page.getByLabel("Ville", new Page.GetByLabelOptions().setExact(true))).not()
			.hasAttribute("aria-invalid", "true");
		Browser.assertAccessible(page);
		Browser.screenshot(page, "10-billing-siret-error-375px");

		siret.fill("44306184100047");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
		assertThat(page.getByText("Vos informations de facturation sont enregistrées.")).isVisible();
		assertThat(siret).hasValue("44306184100047");
		// FINANCE reads the mandate but cannot accept it
		assertThat(page.getByText("Seul un membre Propriétaire peut accepter le mandat.")).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'accepte"))).hasCount(0);
		page.context().close();
	}

	void mandateAndStripeByTheOwner(Page page, String partnerId, String owner) {
		PartnerTeamBrowserIT.logIn(page, "/partners/" + partnerId + "/parametres/facturation", owner);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mandat d'autofacturation")))
			.isVisible();
		assertThat(page.getByText("Worklib émet les factures en votre nom et pour votre compte")).isVisible();
		assertThat(page.getByText("Traduction anglaise (le texte français fait foi)")).isVisible();
		Browser.screenshot(page, "11-billing-mandate-375px");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'accepte")).click();
		assertThat(page.getByText("Merci : le mandat est accepté.")).isVisible();
		assertThat(page.getByText(Pattern.compile("Accepté le .* par Rose Test"))).isVisible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Paiements").setExact(true)).click();
		Locator panel = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Votre prochain virement"));
		assertThat(panel.getByText("ne pourra pas partir")).isVisible();
		assertThat(panel.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Continuer sur Stripe")))
			.isVisible();
		assertThat(panel.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Lire et accepter le mandat")))
			.hasCount(0);
		Browser.assertAccessible(page);
		Browser.screenshot(page, "12-paiements-stripe-missing-375px");

		// the emulator's hosted onboarding completes and sends the person back
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Configurer mes paiements avec Stripe"))
			.click();
		page.waitForURL(Pattern.compile(".*/partners/" + partnerId + "/payouts\\?onboarding=return"));
		assertThat(page.getByText(Pattern.compile("De retour de Stripe"))).isVisible();
		PartnersMonthIT.eventually("the panel says ready", () -> {
			page.reload();
			assertThat(page.getByText("Tout est prêt : votre prochain virement pourra partir.")).isVisible();
		});
		Browser.assertAccessible(page);
		Browser.screenshot(page, "13-paiements-ready-375px");
	}

	String theMonthIsInvoicedAsTheTableSays(Page page, String partnerId, Client ownerClient, String suffix)
			throws Exception {
		YearMonth month = PartnersMonthIT.MONTH.plusMonths(2);
		PartnersMonthIT.clock(ZonedDateTime.of(month.minusMonths(1).atEndOfMonth().minusDays(3), LocalTime.NOON,
				PartnersMonthIT.PARIS));
		String desk = PartnersMonthIT.workspaceId(ownerClient, partnerId, "Open space");
		String room = PartnersMonthIT.workspaceId(ownerClient, partnerId, "Salle du Lac");
		Client employee = PartnersMonthIT.signUpAndVerify("jade-" + suffix + "@client.test", "Jade");
		LocalDate d1 = PartnersMonthIT.weekday(month, 2);
		LocalDate d2 = PartnersMonthIT.weekday(month, 4);
		LocalDate late = PartnersMonthIT.weekday(month, 8);
		PartnersMonthIT.eventually("the desk is bookable",
				() -> assertThat(employee
					.post("/api/bookings/v1/bookings", Map.of("workspaceId", desk, "start", PartnersMonthIT.at(d1, 8),
							"end", PartnersMonthIT.at(d1, 19)))
					.status()).isEqualTo(201));
		String request = PartnersMonthIT
			.ok(employee.post("/api/bookings/v1/bookings", Map.of("workspaceId", room, "start",
					PartnersMonthIT.at(d2, 10), "end", PartnersMonthIT.at(d2, 13))), 201)
			.json()
			.get("bookingId")
			.asString();
		PartnersMonthIT.ok(ownerClient.post("/api/bookings/v1/bookings/" + request + "/confirm", "{}"), 200);
		String lateOne = PartnersMonthIT
			.ok(employee.post("/api/bookings/v1/bookings", Map.of("workspaceId", desk, "start",
					PartnersMonthIT.at(late, 8), "end", PartnersMonthIT.at(late, 19))), 201)
			.json()
			.get("bookingId")
			.asString();
		PartnersMonthIT.clock(ZonedDateTime.of(late.minusDays(1), LocalTime.NOON, PartnersMonthIT.PARIS));
		PartnersMonthIT
			.ok(employee.post("/api/bookings/v1/bookings/" + lateOne + "/cancel", Map.of("reason", "Malade")), 200);

		// the month ends; the scheduled close invoices it
		PartnersMonthIT
			.clock(ZonedDateTime.of(month.plusMonths(1).atDay(1), LocalTime.of(10, 0), PartnersMonthIT.PARIS));
		PartnersMonthIT.eventually("the month is invoiced",
				() -> assertThat(
						ownerClient.read("/api/billing/v1/partners/" + partnerId + "/invoices").get("items").size())
					.isEqualTo(1));

		// the bookings table of the month, as the person filters it
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Réservations").setExact(true)).click();
		page.getByLabel("Du", new Page.GetByLabelOptions().setExact(true)).fill(month.atDay(1).toString());
		page.getByLabel("Au", new Page.GetByLabelOptions().setExact(true)).fill(month.atEndOfMonth().toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
		Locator table = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Toutes les réservations"));
		List<String> tableAmounts = new ArrayList<>();
		for (String amount : table.locator("tbody tr td:nth-child(5)").allInnerTexts()) {
			if (!amount.equals("—")) {
				tableAmounts.add(amount.trim());
			}
		}
		// 22 € a day, 30 € × 3 h, and the late cancellation's fee
		assertThat(tableAmounts).hasSize(3);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Factures").setExact(true)).click();
		Locator invoices = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Vos factures"));
		String number = invoices.locator("tbody tr td a").first().innerText();
		assertThat(invoices.getByText(Pattern.compile("Prévu le \\d\\d/\\d\\d/\\d{4}"))).isVisible();
		Browser.assertAccessible(page);
		Browser.screenshot(page, "14-factures-375px");
		invoices.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Facture " + number)))
			.isVisible();
		Locator lines = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Lignes"));
		List<String> invoiceAmounts = lines.locator("tbody tr td:nth-child(6)")
			.allInnerTexts()
			.stream()
			.map(String::trim)
			.toList();
		assertThat(invoiceAmounts).containsExactlyInAnyOrderElementsOf(tableAmounts);
		// 30 € × 3 h, in cents
		assertThat(page.getByText(Pattern.compile("3 × 3\\s000 centimes = 9\\s000 centimes HT"))).isVisible();
		assertThat(
				page.getByText(Pattern.compile("TVA 20\\s% de [\\d\\s]+ centimes = [\\d\\s,]+ centimes, arrondis à")))
			.isVisible();
		// every line at 20 %: rounding per line or per rate gives the same total, and the
		// page
		// says so
		assertThat(page.getByText(Pattern.compile("Ici, les deux calculs donnent le même total"))).isVisible();
		Browser.assertAccessible(page);
		Browser.screenshot(page, "15-facture-calcul-375px");
		Download pdf = page.waitForDownload(
				() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Télécharger le PDF"))
					.click());
		assertThat(pdf.suggestedFilename()).isEqualTo(number + ".pdf");
		byte[] bytes = Files.readAllBytes(pdf.path());
		assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		return number;
	}

	void thePayoutIsPaid(Page page, String partnerId, Client ownerClient, String number) throws Exception {
		JsonNode payout = ownerClient.read("/api/payments/v1/partners/" + partnerId + "/payouts").get("items").get(0);
		LocalDate planned = LocalDate.parse(payout.get("plannedDate").asString());
		// a business day from the 10th
		assertThat(planned.getDayOfMonth()).isBetween(10, 15);
		assertThat(planned.getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
		assertThat(page.getByText("Prévu le " + planned.format(DAY))).isVisible();

		PartnersMonthIT.clock(ZonedDateTime.of(planned, LocalTime.of(8, 0), PartnersMonthIT.PARIS));
		PartnersMonthIT.eventually("the payout is transferred",
				() -> assertThat(ownerClient.read("/api/payments/v1/partners/" + partnerId + "/payouts")
					.get("items")
					.get(0)
					.get("status")
					.asString()).isEqualTo("TRANSFERRED"));
		String account = ownerClient.read("/api/payments/v1/partners/" + partnerId + "/connected-account")
			.get("stripeAccountId")
			.asString();
		PartnersMonthIT.ok(
				Client.anonymous()
					.post(Platform.STRIPE + "/_emulator/accounts/" + account + "/payouts", Map.of("status", "paid")),
				200);

		page.navigate(Platform.GATEWAY + "/partners/" + partnerId + "/parametres/paiements");
		Locator payouts = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Vos virements"));
		PartnersMonthIT.eventually("the payout reads paid", () -> {
			page.reload();
			assertThat(payouts.getByText("Payé", new Locator.GetByTextOptions().setExact(true))).isVisible();
		});
		assertThat(payouts.getByText(number)).isVisible();
		assertThat(payouts.getByText(planned.format(DAY))).isVisible();
		assertThat(payouts.getByText(Pattern.compile("^tr_"))).isVisible();
		Browser.screenshot(page, "16-paiements-paid-375px");
	}

}
