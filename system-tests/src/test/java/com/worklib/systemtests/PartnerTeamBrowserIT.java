package com.worklib.systemtests;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * The FAQ's team, in a real browser through the gateway only: the owner of a claimed
 * listing invites a manager and a finance member from "Équipe"; the manager, who already
 * has an account, accepts from the mail, and changes a workspace's price with the API's
 * live preview of what the partner receives and what the user pays; the finance member
 * signs up from the invitation, sees the listing but cannot edit it; the last owner
 * cannot leave; a removed member loses the partner; a revoked link is dead.
 */
@ExtendWith(PlatformExtension.class)
@Order(1)
class PartnerTeamBrowserIT {

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
	void anOwnerBuildsHerTeamAManagerChangesAPriceAndFinanceOnlyReads() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String owner = "olga-" + suffix + "@lac.test";
		Map<String, String> partners = PartnerSignUpBrowserIT.imported(owner, "pierre-" + suffix + "@semnoz.test");
		String partnerId = partners.get(owner);
		// she claimed her listing already (the sign-up journey shows that part)
		PartnersMonthIT.claimedBy(owner, "Olga", partnerId);
		// the manager-to-be already books on Worklib
		String manager = "marc-" + suffix + "@lac.test";
		PartnersMonthIT.signUpAndVerify(manager, "Marc");
		String finance = "fanny-" + suffix + "@lac.test";

		Page page = browser.person("fr-FR", 1280);
		Page managerPage = browser.person("fr-FR", 375);
		Page financePage = browser.person("fr-FR", 375);
		Page current = page;
		try {
			logIn(page, "/espace", owner);
			page.waitForURL(Pattern.compile(".*/partners/" + partnerId + ".*"));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Équipe")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Membres"))).isVisible();
			assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(owner))).isVisible();
			Browser.assertAccessible(page);

			// the last owner can neither leave nor step down, and the page says why
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer Olga Test de l'équipe"))
				.click();
			assertThat(page.getByText("Il faut toujours au moins un propriétaire")).isVisible();
			page.getByLabel("Rôle de Olga Test", new Page.GetByLabelOptions().setExact(true))
				.selectOption(new SelectOption().setLabel("Finance"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Changer le rôle de Olga Test"))
				.click();
			assertThat(page.getByText("Il faut toujours au moins un propriétaire")).isVisible();
			assertThat(page.getByLabel("Rôle de Olga Test", new Page.GetByLabelOptions().setExact(true)))
				.hasValue("OWNER");

			// a bad address is named next to its field
			invite(page, "Marc", "Test", "pas-une-adresse", "Gestionnaire");
			assertThat(page.locator("#email-error")).hasText("n’est pas une adresse e-mail");
			Browser.assertAccessible(page);
			invite(page, "Marc", "Test", manager, "Gestionnaire");
			assertThat(page.getByText("Invitation envoyée à " + manager)).isVisible();
			// keyboard only: the form is reachable and usable without a mouse
			page.getByLabel("Prénom").focus();
			page.keyboard().type("Fanny");
			page.keyboard().press("Tab");
			page.keyboard().type("Test");
			page.keyboard().press("Tab");
			page.keyboard().type(finance);
			page.keyboard().press("Tab");
			assertThat(page.getByLabel("Rôle", new Page.GetByLabelOptions().setExact(true))).isFocused();
			page.keyboard().press("ArrowDown");
			assertThat(page.getByLabel("Rôle", new Page.GetByLabelOptions().setExact(true))).hasValue("FINANCE");
			page.keyboard().press("Tab");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer l'invitation")))
				.isFocused();
			page.keyboard().press("Enter");
			assertThat(page.getByText("Invitation envoyée à " + finance)).isVisible();
			// an invitation sent by mistake is revoked, and its link dies
			String mistaken = "zoe-" + suffix + "@lac.test";
			invite(page, "Zoé", "Test", mistaken, "Gestionnaire");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Révoquer l'invitation de " + mistaken))
				.click();
			assertThat(page.getByText("L'invitation de " + mistaken + " est révoquée")).isVisible();
			Browser.assertAccessible(page);
			Browser.screenshot(page, "06-equipe");

			// the manager accepts from the mail, logging in with her account first
			current = managerPage;
			Mailbox.Mail invitation = Mailbox.await(manager, s -> s.contains("vous invite à rejoindre"));
			managerPage.navigate(PartnerSignUpBrowserIT.link(invitation, "/invitations/accept"));
			assertThat(managerPage).not().hasURL(Pattern.compile(".*token=.*"));
			assertThat(managerPage.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName("Vous êtes invité·e à rejoindre une équipe")))
				.isVisible();
			Browser.assertAccessible(managerPage);
			managerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'ai un compte : me connecter"))
				.click();
			keycloakLogin(managerPage, manager);
			managerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter l'invitation"))
				.click();
			managerPage.waitForURL(Pattern.compile(".*/partners/" + partnerId + ".*"));
			assertThat(managerPage.getByText("en tant que Gestionnaire")).isVisible();

			// she changes the open space's price, and sees what it means before saving
			managerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lieux et espaces de travail"))
				.click();
			managerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier Open space")).click();
			assertThat(
					managerPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Modifier l'espace")))
				.isVisible();
			String editUrl = managerPage.url();
			assertThat(managerPage.locator("#preview")).containsText("Vous recevrez 22,00 € HT (26,40 € TTC) par jour");
			managerPage.getByLabel("Prix HT (€)").fill("25,50");
			// 25,50 € HT + 15 % of fee = 29,33 € HT, + 20 % VAT = 35,20 € TTC
			assertThat(managerPage.locator("#preview")).containsText("Vous recevrez 25,50 € HT (30,60 € TTC) par jour");
			assertThat(managerPage.locator("#preview")).containsText("l'utilisateur paie 35,20 € TTC");
			managerPage.getByLabel("Taux de TVA").selectOption(new SelectOption().setLabel("10\u00a0%"));
			assertThat(managerPage.locator("#preview")).containsText("l'utilisateur paie 32,26 € TTC");
			managerPage.getByLabel("Taux de TVA").selectOption(new SelectOption().setLabel("20\u00a0%"));
			assertThat(managerPage.locator("#preview")).containsText("l'utilisateur paie 35,20 € TTC");
			Browser.assertAccessible(managerPage);
			Browser.screenshot(managerPage, "07-price-preview-375px");
			managerPage.getByLabel("Capacité (personnes)").fill("0");
			managerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'espace")).click();
			assertThat(managerPage.locator("#capacity-error")).hasText("est trop petit");
			managerPage.getByLabel("Capacité (personnes)").fill("6");
			managerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'espace")).click();
			assertThat(managerPage.getByText("« Open space » est enregistré.")).isVisible();
			assertThat(managerPage.getByText("25,50 € HT")).isVisible();
			// the public sees the new customer price: 29,33 € HT a day
			PartnersMonthIT.eventually("the new price is public", () -> {
				boolean found = false;
				for (JsonNode item : Client.anonymous()
					.read("/api/venues/v1/search?city=Annecy&size=200")
					.get("items")) {
					if (item.get("establishment").get("partnerId").asString().equals(partnerId)) {
						for (JsonNode w : item.get("workspaces")) {
							if (w.get("name").asString().equals("Open space")) {
								assertThat(w.get("price").get("amountExclVat").get("amountMinor").asLong())
									.isEqualTo(2933);
								found = true;
							}
						}
					}
				}
				assertThat(found).isTrue();
			});
			// a manager does not manage the team
			managerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Équipe")).click();
			assertThat(managerPage.getByText("Seuls les propriétaires gèrent l'équipe")).isVisible();
			assertThat(managerPage.getByLabel("Adresse e-mail")).hasCount(0);

			// the finance member has no account yet: she signs up from the invitation
			current = financePage;
			Mailbox.Mail financeInvitation = Mailbox.await(finance, s -> s.contains("vous invite à rejoindre"));
			financePage.navigate(PartnerSignUpBrowserIT.link(financeInvitation, "/invitations/accept"));
			financePage
				.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je n'ai pas de compte : m'inscrire"))
				.click();
			financePage.getByLabel("Adresse e-mail").fill(finance);
			financePage.getByLabel("Prénom").fill("Fanny");
			financePage.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Test");
			financePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S'inscrire")).click();
			assertThat(financePage.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName("Vérifiez votre boîte mail")))
				.isVisible();
			Mailbox.Mail verification = Mailbox.await(finance, s -> s.contains("Confirmez votre adresse"));
			financePage.navigate(PartnerSignUpBrowserIT.link(verification, "/verify-email"));
			financePage.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true))
				.fill(PartnersMonthIT.PASSWORD);
			financePage.getByLabel("Confirmez le mot de passe").fill(PartnersMonthIT.PASSWORD);
			financePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer mon adresse"))
				.click();
			keycloakLogin(financePage, finance);
			// the invitation waited for her through sign-up and login
			financePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter l'invitation"))
				.click();
			financePage.waitForURL(Pattern.compile(".*/partners/" + partnerId + ".*"));
			assertThat(financePage.getByText("en tant que Finance")).isVisible();
			financePage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lieux et espaces de travail"))
				.click();
			assertThat(financePage.getByText("Votre rôle vous permet de consulter la fiche, pas de la modifier."))
				.isVisible();
			assertThat(financePage.getByText("25,50 € HT")).isVisible();
			assertThat(financePage.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Éditer l'établissement")))
				.hasCount(0);
			assertThat(financePage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier Open space")))
				.hasCount(0);
			Browser.assertAccessible(financePage);
			// typing the edit page's address shows it read-only, without a save button
			financePage.navigate(editUrl);
			assertThat(financePage.getByLabel("Prix HT (€)")).hasValue("25,50");
			assertThat(financePage.getByLabel("Prix HT (€)")).isDisabled();
			assertThat(
					financePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'espace")))
				.hasCount(0);
			Browser.assertAccessible(financePage);

			// the owner sees her team, changes a role and removes a member
			current = page;
			page.reload();
			assertThat(page.getByLabel("Rôle de Marc Test", new Page.GetByLabelOptions().setExact(true)))
				.hasValue("MANAGER");
			assertThat(page.getByLabel("Rôle de Fanny Test", new Page.GetByLabelOptions().setExact(true)))
				.hasValue("FINANCE");
			page.getByLabel("Rôle de Marc Test", new Page.GetByLabelOptions().setExact(true))
				.selectOption(new SelectOption().setLabel("Propriétaire"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Changer le rôle de Marc Test"))
				.click();
			assertThat(page.getByText("Le rôle de Marc Test est changé.")).isVisible();
			assertThat(page.getByLabel("Rôle de Marc Test", new Page.GetByLabelOptions().setExact(true)))
				.hasValue("OWNER");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer Fanny Test de l'équipe"))
				.click();
			assertThat(page.getByText("Fanny Test ne fait plus partie de l'équipe.")).isVisible();
			Browser.assertAccessible(page);
			Browser.screenshot(page, "08-equipe-members");
			current = financePage;
			PartnersMonthIT.eventually("the removed member loses the partner",
					() -> assertThat(
							financePage.navigate(Platform.GATEWAY + "/partners/" + partnerId + "/lieux").status())
						.isEqualTo(404));

			// the revoked invitation's link is dead
			Mailbox.Mail revoked = Mailbox.await(mistaken, s -> s.contains("vous invite à rejoindre"));
			Page stranger = browser.person("fr-FR", 375);
			current = stranger;
			stranger.navigate(PartnerSignUpBrowserIT.link(revoked, "/invitations/accept"));
			stranger.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'ai un compte : me connecter"))
				.click();
			keycloakLogin(stranger, manager);
			stranger.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter l'invitation")).click();
			assertThat(stranger.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName("Ce lien n'est plus valable")))
				.isVisible();
		}
		catch (AssertionError | RuntimeException ex) {
			Browser.screenshot(current, "failed-" + getClass().getSimpleName());
			throw new AssertionError(ex.getMessage() + "\nat " + current.url() + ":\n" + current.innerText("body"), ex);
		}
	}

	static void invite(Page page, String firstName, String lastName, String email, String role) {
		page.getByLabel("Prénom").fill(firstName);
		page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill(lastName);
		page.getByLabel("Adresse e-mail").fill(email);
		page.getByLabel("Rôle", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel(role));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer l'invitation")).click();
	}

	static void logIn(Page page, String path, String email) {
		page.navigate(Platform.GATEWAY + path);
		keycloakLogin(page, email);
	}

	static void keycloakLogin(Page page, String email) {
		page.waitForURL(Pattern.compile(".*/auth/realms/worklib/.*"));
		page.getByLabel("Adresse e-mail").fill(email);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(PartnersMonthIT.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connexion")).click();
	}

}
