package com.worklib.web.partner.billing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.BillingApi;
import com.worklib.web.api.UserApi;

/**
 * "Paramètres": the billing information form, whose API field errors sit next to their
 * fields, and the self-billing mandate (read by OWNER and FINANCE, accepted by the OWNER
 * only); then "Paiements": Stripe onboarding, the payout-readiness panel and the payouts.
 * A MANAGER gets the API's 403 as the forbidden page.
 */
@Controller
class SettingsPages {

	/** The form's fields by the API's names, for its field errors. */
	static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("legalName", "legalName"),
			Map.entry("legalForm", "legalForm"), Map.entry("siret", "siret"), Map.entry("vatRegime", "vatRegime"),
			Map.entry("vatNumber", "vatNumber"), Map.entry("address", "line1"), Map.entry("address.line1", "line1"),
			Map.entry("address.line2", "line2"), Map.entry("address.postalCode", "postalCode"),
			Map.entry("address.city", "city"), Map.entry("address.country", "country"),
			Map.entry("billingEmail", "billingEmail"));

	/** The roles that see invoices, payouts, billing information and the mandate. */
	static final java.util.Set<String> MONEY_ROLES = java.util.Set.of("OWNER", "FINANCE");

	private final UserApi user;

	private final BillingApi billing;

	SettingsPages(UserApi user, BillingApi billing) {
		this.user = user;
		this.billing = billing;
	}

	record BillingForm(String legalName, String legalForm, String siret, String vatRegime, String vatNumber,
			String line1, String line2, String postalCode, String city, String country, String billingEmail) {

		static BillingForm of(BillingApi.Profile p) {
			if (p == null) {
				return new BillingForm(null, null, null, "STANDARD", null, null, null, null, null, "FR", null);
			}
			BillingApi.Address a = p.address() == null ? new BillingApi.Address(null, null, null, null, "FR")
					: p.address();
			return new BillingForm(p.legalName(), p.legalForm(), p.siret(), p.vatRegime(), p.vatNumber(), a.line1(),
					a.line2(), a.postalCode(), a.city(), a.country(), p.billingEmail());
		}

		Map<String, Object> body() {
			Map<String, Object> address = new LinkedHashMap<>();
			address.put("line1", this.line1);
			address.put("line2", this.line2 == null || this.line2.isBlank() ? null : this.line2);
			address.put("postalCode", this.postalCode);
			address.put("city", this.city);
			address.put("country", this.country);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("legalName", this.legalName);
			body.put("legalForm", this.legalForm);
			body.put("siret", this.siret);
			body.put("vatRegime", this.vatRegime);
			body.put("vatNumber", this.vatNumber == null || this.vatNumber.isBlank() ? null : this.vatNumber);
			body.put("address", address);
			body.put("billingEmail", this.billingEmail);
			return body;
		}

	}

	@GetMapping("/partners/{partnerId}/parametres")
	String settings(@PathVariable UUID partnerId) {
		return "redirect:/partners/" + partnerId + "/parametres/facturation";
	}

	@GetMapping("/partners/{partnerId}/parametres/facturation")
	String billingInformation(@PathVariable UUID partnerId, Model model) {
		UserApi.Partner partner = this.user.partner(partnerId);
		UserApi.Me me = this.user.me();
		requireMoneyRole(me, partnerId);
		model.addAttribute("billingForm", BillingForm.of(this.billing.profile(partnerId)));
		return billingPage(partner, me, model);
	}

	@PostMapping("/partners/{partnerId}/parametres/facturation")
	String saveBillingInformation(@PathVariable UUID partnerId, @ModelAttribute BillingForm billingForm,
			BindingResult form, Model model, RedirectAttributes redirect) {
		UserApi.Partner partner = this.user.partner(partnerId);
		UserApi.Me me = this.user.me();
		requireMoneyRole(me, partnerId);
		try {
			this.billing.saveProfile(partnerId, billingForm.body());
		}
		catch (ApiProblem problem) {
			if (problem.status() != 400) {
				throw problem;
			}
			problem.reject(form, FIELDS);
			return billingPage(partner, me, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/partners/" + partnerId + "/parametres/facturation";
	}

	@PostMapping("/partners/{partnerId}/parametres/mandat")
	String acceptMandate(@PathVariable UUID partnerId, @RequestParam String mandateVersion,
			RedirectAttributes redirect) {
		try {
			this.billing.acceptMandate(partnerId, mandateVersion);
			redirect.addFlashAttribute("accepted", true);
		}
		catch (ApiProblem problem) {
			if (problem.status() != 400 && problem.status() != 409) {
				throw problem;
			}
			// a newer version meanwhile: the page shows it, to read before accepting
			redirect.addFlashAttribute("mandateRefused", problem.getMessage());
		}
		return "redirect:/partners/" + partnerId + "/parametres/facturation#mandat";
	}

	private String billingPage(UserApi.Partner partner, UserApi.Me me, Model model) {
		UUID partnerId = partner.partnerId();
		String role = me.roleIn(partnerId);
		BillingApi.Mandate mandate = this.billing.mandate(partnerId);
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "parametres");
		model.addAttribute("section", "facturation");
		model.addAttribute("mandate", mandate);
		model.addAttribute("isOwner", "OWNER".equals(role));
		model.addAttribute("acceptedCurrent", mandate.acceptedCurrent());
		model.addAttribute("acceptedBy", mandate.accepted() == null ? null : who(me, role, partnerId, mandate));
		return "partner/billing";
	}

	/**
	 * Who accepted, by name: the reader themself, or a member an OWNER may list; null
	 * otherwise (FINANCE may not list members).
	 */
	private String who(UserApi.Me me, String role, UUID partnerId, BillingApi.Mandate mandate) {
		UUID by = mandate.accepted().acceptedBy();
		if (Objects.equals(me.userId(), by)) {
			return me.firstName() + " " + me.lastName();
		}
		if ("OWNER".equals(role)) {
			List<UserApi.Member> members = this.user.members(partnerId);
			return members.stream()
				.filter(m -> m.userId().equals(by))
				.map(m -> m.firstName() + " " + m.lastName())
				.findFirst()
				.orElse(null);
		}
		return null;
	}

	/**
	 * Billing information, the mandate and payments are OWNER and FINANCE business: a
	 * MANAGER gets the forbidden page (the API would answer 404, as for a stranger).
	 */
	static void requireMoneyRole(UserApi.Me me, UUID partnerId) {
		if ("MANAGER".equals(me.roleIn(partnerId))) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.FORBIDDEN);
		}
	}

}
