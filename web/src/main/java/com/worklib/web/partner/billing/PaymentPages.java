package com.worklib.web.partner.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.worklib.web.api.BillingApi;
import com.worklib.web.api.UserApi;

/**
 * "Paramètres › Paiements": whether the next payout can happen (billing information,
 * mandate, Stripe) with a link to what fixes each missing piece, Stripe onboarding, and
 * the payouts. Stripe's return page is this page: a return does not mean done, so it says
 * what Stripe still needs; its refresh address asks for a new link. Onboarding is a link,
 * not a form: the page's CSP allows forms to post to our origin only, and a browser
 * checks that on the redirect to Stripe too.
 */
@Controller
class PaymentPages {

	private final UserApi user;

	private final BillingApi billing;

	private final MessageSource messages;

	PaymentPages(UserApi user, BillingApi billing, MessageSource messages) {
		this.user = user;
		this.billing = billing;
		this.messages = messages;
	}

	/** One condition of the next payout: met or not, and where to fix it. */
	record Check(String key, boolean ok, String fixUrl, List<String> missing) {
	}

	@GetMapping({ "/partners/{partnerId}/parametres/paiements", "/partners/{partnerId}/payouts" })
	String payments(@PathVariable UUID partnerId, @RequestParam(required = false) String onboarding, Model model,
			Locale locale) {
		UserApi.Partner partner = this.user.partner(partnerId);
		SettingsPages.requireMoneyRole(this.user.me(), partnerId);
		if ("refresh".equals(onboarding)) {
			// Stripe's link expired or was used: a new one, straight away
			return toStripe(partnerId);
		}
		BillingApi.Account account = this.billing.account(partnerId);
		BillingApi.Mandate mandate = this.billing.mandate(partnerId);
		String settings = "/partners/" + partnerId + "/parametres/";
		List<Check> checks = new ArrayList<>();
		checks.add(new Check("billing", this.billing.profile(partnerId) != null, settings + "facturation", List.of()));
		checks.add(new Check("mandate", mandate.acceptedCurrent(), settings + "facturation#mandat", List.of()));
		checks.add(new Check("stripe", account.payoutsEnabled() && account.requirementsDue().isEmpty(),
				settings + "paiements/stripe",
				account.requirementsDue()
					.stream()
					.map(r -> this.messages.getMessage("stripe.requirement." + r, null, r, locale))
					.toList()));
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "parametres");
		model.addAttribute("section", "paiements");
		model.addAttribute("account", account);
		model.addAttribute("checks", checks);
		model.addAttribute("ready", checks.stream().allMatch(Check::ok));
		model.addAttribute("returned", "return".equals(onboarding));
		model.addAttribute("payouts", this.billing.payouts(partnerId));
		return "partner/payments";
	}

	/**
	 * "Configurer mes paiements avec Stripe": a fresh account link, and off to Stripe.
	 */
	@GetMapping("/partners/{partnerId}/parametres/paiements/stripe")
	String stripe(@PathVariable UUID partnerId) {
		this.user.partner(partnerId);
		return toStripe(partnerId);
	}

	private String toStripe(UUID partnerId) {
		return "redirect:" + this.billing.onboardingLink(partnerId).url();
	}

}
