package com.worklib.web.partner.billing;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.worklib.platform.test.WithPostgres;
import com.worklib.web.PagesIT;
import com.worklib.web.StandInGateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Paramètres" against a stand-in API: the API's SIRET refusal next to the SIRET field,
 * in French; the mandate's text and "J'accepte" for an OWNER only; the readiness panel
 * saying what is missing and where to fix it; Stripe's return page that says what Stripe
 * still needs; its refresh address sending the person to a new link; a MANAGER refused.
 */
@SpringBootTest(properties = "WORKLIB_WEB_CLIENT_SECRET=test-only")
@AutoConfigureMockMvc
@WithPostgres
class SettingsPagesIT extends PagesIT {

	static final UUID OWNED = UUID.randomUUID();

	static final UUID FINANCED = UUID.randomUUID();

	static final UUID MANAGED = UUID.randomUUID();

	static WireMockServer gateway;

	static String mandate(String accepted) {
		return """
				{"currentVersion":"2026-11","text":{"fr":"Le Partenaire donne mandat à Worklib d'émettre ses factures.",
				 "en":"The Partner mandates Worklib to issue its invoices."}%s}"""
			.formatted(accepted == null ? "" : ",\"accepted\":" + accepted);
	}

	@BeforeAll
	static void api() {
		gateway = StandInGateway.start(Map.of(OWNED, "OWNER", FINANCED, "FINANCE", MANAGED, "MANAGER"),
				Map.of(OWNED, "Atelier du Lac SAS", FINANCED, "Semnoz Coworking", MANAGED, "Aravis Bureaux"));
		for (UUID p : new UUID[] { OWNED, FINANCED }) {
			gateway.stubFor(WireMock.get("/api/billing/v1/partners/" + p + "/billing-profile")
				.willReturn(StandInGateway.notFound()));
			gateway.stubFor(WireMock.put("/api/billing/v1/partners/" + p + "/billing-profile")
				.willReturn(StandInGateway.problem(400, "validation",
						"\"detail\":\"Invalid request\",\"errors\":[{\"field\":\"siret\","
								+ "\"message\":\"is not a valid SIRET: its check digit does not match\"}]")));
			gateway.stubFor(WireMock.get(urlPathEqualTo("/api/payments/v1/partners/" + p + "/payouts"))
				.willReturn(okJson("{\"items\":[]}")));
		}
		gateway.stubFor(WireMock.get("/api/billing/v1/partners/" + OWNED + "/self-billing-mandate")
			.willReturn(okJson(mandate(null))));
		gateway.stubFor(WireMock.post("/api/billing/v1/partners/" + OWNED + "/self-billing-mandate")
			.willReturn(okJson("""
					{"mandateVersion":"2026-11","acceptedAt":"2026-12-02T09:00:00Z","acceptedBy":"%s"}"""
				.formatted(UUID.randomUUID()))));
		gateway.stubFor(WireMock.get("/api/billing/v1/partners/" + FINANCED + "/self-billing-mandate")
			.willReturn(okJson(mandate(
					"{\"mandateVersion\":\"2026-11\",\"acceptedAt\":\"2026-12-01T09:00:00Z\",\"acceptedBy\":\"%s\"}"
						.formatted(UUID.randomUUID())))));
		gateway.stubFor(WireMock.get("/api/payments/v1/partners/" + OWNED + "/connected-account").willReturn(okJson("""
				{"stripeAccountId":"acct_1","status":"PENDING","payoutsEnabled":false,
				 "requirementsDue":["external_account","some.new_requirement"]}""")));
		gateway.stubFor(WireMock.post("/api/payments/v1/partners/" + OWNED + "/connected-account/onboarding-link")
			.willReturn(okJson("""
					{"url":"http://stripe.test/connect/onboarding/acct_1","expiresAt":"2026-12-02T10:00:00Z"}""")));
		// as billing answers a MANAGER: like a stranger
		gateway.stubFor(WireMock.get(urlPathMatching("/api/(billing|payments)/v1/partners/" + MANAGED + "/.*"))
			.willReturn(StandInGateway.notFound()));
	}

	@AfterAll
	static void stop() {
		gateway.stop();
	}

	@DynamicPropertySource
	static void gatewayUrl(DynamicPropertyRegistry registry) {
		registry.add("worklib.web.gateway-url", () -> gateway.baseUrl());
	}

	@Test
	void theApisSiretRefusalSitsNextToTheSiretFieldAndTheFormKeepsWhatWasTyped() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/partners/" + FINANCED + "/parametres/facturation").with(signedIn())
				.with(csrf())
				.param("legalName", "Semnoz Coworking SARL")
				.param("legalForm", "SARL")
				.param("siret", "73282932000075")
				.param("vatRegime", "FRANCHISE")
				.param("line1", "3 rue du Semnoz")
				.param("postalCode", "74000")
				.param("city", "Annecy")
				.param("country", "FR")
				.param("billingEmail", "compta@semnoz.test"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString();
		String siret = html.substring(html.indexOf("<label for=\"siret\""), html.indexOf("<label for=\"vatRegime\""));
		assertThat(siret).contains("aria-invalid=\"true\"")
			.contains("id=\"siret-error\"")
			.contains("n’est pas un SIRET valide");
		assertThat(html).contains("value=\"Semnoz Coworking SARL\"").contains("value=\"compta@semnoz.test\"");
		gateway.verify(putRequestedFor(urlPathEqualTo("/api/billing/v1/partners/" + FINANCED + "/billing-profile"))
			.withRequestBody(matchingJsonPath("$.address.city", equalTo("Annecy")))
			.withRequestBody(matchingJsonPath("$.vatRegime", equalTo("FRANCHISE"))));
	}

	@Test
	void onlyAnOwnerIsOfferedTheMandateAndFinanceSeesWhenItWasAccepted() throws Exception {
		String owner = open("/partners/" + OWNED + "/parametres/facturation").getContentAsString();
		assertThat(owner).contains("Le Partenaire donne mandat à Worklib")
			.contains("The Partner mandates Worklib")
			.contains("Version 2026-11")
			.contains("Worklib émet les factures en votre nom")
			.contains("J&#39;accepte");
		String finance = open("/partners/" + FINANCED + "/parametres/facturation").getContentAsString();
		assertThat(finance).doesNotContain("J&#39;accepte")
			.contains("Accepté le 01/12/2026")
			.contains("un membre Propriétaire");
		MockHttpServletResponse accepted = this.mvc
			.perform(post("/partners/" + OWNED + "/parametres/mandat").with(signedIn())
				.with(csrf())
				.param("mandateVersion", "2026-11"))
			.andReturn()
			.getResponse();
		assertThat(accepted.getRedirectedUrl()).endsWith("/parametres/facturation#mandat");
		gateway.verify(postRequestedFor(urlPathEqualTo("/api/billing/v1/partners/" + OWNED + "/self-billing-mandate"))
			.withRequestBody(matchingJsonPath("$.mandateVersion", equalTo("2026-11")))
			.withRequestBody(matchingJsonPath("$.accepted", equalTo("true"))));
	}

	@Test
	void theReadinessPanelSaysWhatIsMissingAndWhereToFixIt() throws Exception {
		String html = open("/partners/" + OWNED + "/payouts?onboarding=return").getContentAsString();
		// a return from Stripe is not "done"
		assertThat(html).contains("ce n&#39;est pas encore terminé");
		String panel = html.substring(html.indexOf("Votre prochain virement"), html.indexOf("id=\"stripe\""));
		assertThat(panel).contains("ne pourra pas partir");
		assertThat(panel).contains("/partners/" + OWNED + "/parametres/facturation\"")
			.contains("/partners/" + OWNED + "/parametres/facturation#mandat")
			.contains("Vos coordonnées bancaires (IBAN)")
			// a requirement the page has no words for still shows, as Stripe names it
			.contains("some.new_requirement");
		assertThat(html).contains("Configurer mes paiements avec Stripe");
	}

	@Test
	void stripesRefreshAddressSendsThePersonToANewLink() throws Exception {
		MockHttpServletResponse refresh = open("/partners/" + OWNED + "/payouts?onboarding=refresh");
		assertThat(refresh.getRedirectedUrl()).isEqualTo("http://stripe.test/connect/onboarding/acct_1");
		assertThat(open("/partners/" + OWNED + "/parametres/paiements/stripe").getRedirectedUrl())
			.isEqualTo("http://stripe.test/connect/onboarding/acct_1");
	}

	@Test
	void aManagerIsRefusedBillingInformationAndAnotherPartnerIsNotFound() throws Exception {
		for (String page : new String[] { "/parametres/facturation", "/parametres/paiements", "/payouts" }) {
			MockHttpServletResponse manager = open("/partners/" + MANAGED + page);
			assertThat(manager.getStatus()).as(page).isEqualTo(403);
			// (the forbidden page itself is the servlet container's error dispatch, which
			// MockMvc does not make; the browser journeys see it)
			assertThat(manager.getContentAsString()).doesNotContain("SIRET");
		}
		gateway.verify(0,
				WireMock.getRequestedFor(urlPathMatching("/api/(billing|payments)/v1/partners/" + MANAGED + "/.*")));
		assertThat(open("/partners/" + UUID.randomUUID() + "/parametres/paiements").getStatus()).isEqualTo(404);
	}

}
