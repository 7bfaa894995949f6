package com.worklib.web.partner.listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.UserApi;

/**
 * "Lieux et espaces de travail" and "Éditer l'établissement" with its "Contact pour les
 * réservations". Owners and managers edit; finance members see the same page read-only
 * (the API refuses their writes anyway). The form sends the whole establishment back as
 * the API takes it, its opening hours as they are.
 */
@Controller
class ListingPages {

	static final Set<String> EDITORS = Set.of("OWNER", "MANAGER");

	private final UserApi api;

	ListingPages(UserApi api) {
		this.api = api;
	}

	record Place(UserApi.Establishment establishment, List<UserApi.Workspace> workspaces) {
	}

	record EstablishmentForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
			@Size(max = 200) String line2, @NotBlank @Size(max = 20) String postalCode,
			@NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 2) String country, @NotBlank String timezone,
			@Size(max = 4000) String description, @NotBlank @Size(max = 254) String email,
			@NotBlank @Size(max = 40) String phone) {

		static EstablishmentForm of(UserApi.Establishment e) {
			UserApi.BookingContact contact = e.bookingContact() != null ? e.bookingContact()
					: new UserApi.BookingContact("", "");
			return new EstablishmentForm(e.name(), e.address().line1(), e.address().line2(), e.address().postalCode(),
					e.address().city(), e.address().country(), e.timezone(), e.description(), contact.email(),
					contact.phone());
		}

	}

	/** The API's field names, as the form names them. */
	static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("name", "name"),
			Map.entry("address.line1", "line1"), Map.entry("address.line2", "line2"),
			Map.entry("address.postalCode", "postalCode"), Map.entry("address.city", "city"),
			Map.entry("address.country", "country"), Map.entry("timezone", "timezone"),
			Map.entry("description", "description"), Map.entry("bookingContact.email", "email"),
			Map.entry("bookingContact.phone", "phone"));

	@GetMapping("/partners/{partnerId}/lieux")
	String places(@PathVariable UUID partnerId, Model model) {
		UserApi.Partner partner = this.api.partner(partnerId);
		List<Place> places = new ArrayList<>();
		for (UserApi.Establishment establishment : this.api.establishments(partnerId)) {
			places.add(new Place(establishment, this.api.workspaces(establishment.establishmentId())));
		}
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "lieux");
		model.addAttribute("places", places);
		model.addAttribute("canEdit", canEdit(partnerId));
		return "partner/places";
	}

	@GetMapping("/partners/{partnerId}/lieux/{establishmentId}")
	String edit(@PathVariable UUID partnerId, @PathVariable UUID establishmentId, Model model) {
		Owned owned = owned(partnerId, establishmentId);
		model.addAttribute("establishmentForm", EstablishmentForm.of(owned.establishment()));
		return editPage(owned, model);
	}

	@PostMapping("/partners/{partnerId}/lieux/{establishmentId}")
	String save(@PathVariable UUID partnerId, @PathVariable UUID establishmentId,
			@Valid @ModelAttribute EstablishmentForm establishmentForm, BindingResult form, Model model,
			RedirectAttributes redirect) {
		Owned owned = owned(partnerId, establishmentId);
		UserApi.Establishment establishment = owned.establishment();
		if (form.hasErrors()) {
			return editPage(owned, model);
		}
		Map<String, Object> address = new LinkedHashMap<>();
		address.put("line1", establishmentForm.line1());
		address.put("line2", blankToNull(establishmentForm.line2()));
		address.put("postalCode", establishmentForm.postalCode());
		address.put("city", establishmentForm.city());
		address.put("country", establishmentForm.country().toUpperCase(java.util.Locale.ROOT));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", establishmentForm.name());
		body.put("address", address);
		body.put("timezone", establishmentForm.timezone());
		body.put("openingHours", establishment.openingHours());
		body.put("description", blankToNull(establishmentForm.description()));
		body.put("bookingContact", Map.of("email", establishmentForm.email(), "phone", establishmentForm.phone()));
		try {
			this.api.updateEstablishment(establishmentId, body);
		}
		catch (ApiProblem problem) {
			for (ApiProblem.FieldError error : problem.errors()) {
				String field = FIELDS.get(error.field());
				if (field != null) {
					form.rejectValue(field, "api", error.message());
				}
			}
			if (!form.hasErrors()) {
				form.reject("api", problem.getMessage());
			}
			return editPage(owned, model);
		}
		redirect.addFlashAttribute("saved", establishmentForm.name());
		return "redirect:/partners/" + partnerId + "/lieux";
	}

	private String editPage(Owned owned, Model model) {
		model.addAttribute("partner", owned.partner());
		model.addAttribute("tab", "lieux");
		model.addAttribute("establishment", owned.establishment());
		model.addAttribute("canEdit", canEdit(owned.partner().partnerId()));
		return "partner/establishment";
	}

	/** A partner the caller is a member of, and one of its establishments. */
	record Owned(UserApi.Partner partner, UserApi.Establishment establishment) {
	}

	/**
	 * Another partner's establishment under this partner's URL is a 404, like any unknown
	 * one.
	 */
	private Owned owned(UUID partnerId, UUID establishmentId) {
		UserApi.Partner partner = this.api.partner(partnerId);
		UserApi.Establishment establishment = this.api.establishment(establishmentId);
		if (!partnerId.equals(establishment.partnerId())) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		return new Owned(partner, establishment);
	}

	private boolean canEdit(UUID partnerId) {
		return this.api.me()
			.memberships()
			.stream()
			.anyMatch(m -> m.partnerId().equals(partnerId) && EDITORS.contains(m.role()));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
