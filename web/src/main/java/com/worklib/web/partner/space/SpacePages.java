package com.worklib.web.partner.space;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.worklib.web.api.UserApi;

/**
 * "Votre espace": every partner the signed-in person is a member of, the claimed listing
 * shown as attached, and what is left to do. The other tabs of a partner answer for that
 * partner only: another partner's id is the API's 404, so ours.
 */
@Controller
class SpacePages {

	static final List<String> TABS = List.of("espace", "lieux", "reservations", "factures", "parametres", "equipe");

	private final UserApi api;

	SpacePages(UserApi api) {
		this.api = api;
	}

	record PartnerCard(UserApi.Partner partner, String role) {
	}

	@GetMapping("/espace")
	String space(@org.springframework.web.bind.annotation.RequestParam(required = false) String welcome, Model model) {
		UserApi.Me me = this.api.me();
		List<PartnerCard> partners = new ArrayList<>();
		for (UserApi.Membership membership : me.memberships()) {
			partners.add(new PartnerCard(this.api.partner(membership.partnerId()), membership.role()));
		}
		if (partners.isEmpty()) {
			// an employee of a client company: what they came for is the search
			return "redirect:/search";
		}
		if (partners.size() == 1) {
			return "redirect:/partners/" + partners.get(0).partner().partnerId() + (welcome != null ? "?welcome" : "");
		}
		model.addAttribute("me", me);
		model.addAttribute("partners", partners);
		return "partner/choose";
	}

	@GetMapping("/partners/{partnerId}")
	String partnerSpace(@PathVariable UUID partnerId, Model model) {
		UserApi.Me me = this.api.me();
		UserApi.Partner partner = this.api.partner(partnerId);
		model.addAttribute("me", me);
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "espace");
		model.addAttribute("role", me.roleIn(partnerId));
		return "partner/space";
	}

}
