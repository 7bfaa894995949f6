package com.worklib.web.partner.listing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
import com.worklib.web.api.UserApi;
import com.worklib.web.support.Amounts;

/**
 * Adding and editing a workspace: type, name, capacity, instant or on request, and the
 * price excl. VAT with its VAT rate. While the price is typed, htmx asks
 * {@code /partners/{id}/prix} for "vous recevrez X € HT, l'utilisateur paie Y € TTC",
 * which the API computes with the platform's one pricing function.
 */
@Controller
class WorkspacePages {

	static final List<String> TYPES = List.of("DESK", "MEETING_ROOM", "PRIVATE_OFFICE");

	static final List<String> MODES = List.of("INSTANT", "REQUEST");

	static final List<String> UNITS = List.of("HOUR", "HALF_DAY", "DAY");

	static final List<Integer> VAT_RATES = List.of(2000, 1000, 550, 210, 0);

	/** The API's field names, as the form names them. */
	static final Map<String, String> FIELDS = Map.of("type", "type", "name", "name", "capacity", "capacity",
			"bookingMode", "bookingMode", "price.unit", "unit", "price.amountExclVat.amountMinor", "price",
			"price.amountExclVat", "price", "price.vatRateBps", "vatRateBps", "active", "active");

	private final UserApi api;

	private final Listing listing;

	private final Amounts amounts;

	WorkspacePages(UserApi api, Listing listing, Amounts amounts) {
		this.api = api;
		this.listing = listing;
		this.amounts = amounts;
	}

	record WorkspaceForm(@NotBlank String type, @NotBlank @Size(max = 200) String name,
			@NotNull @Min(1) @Max(10_000) Integer capacity, @NotBlank String bookingMode, @NotBlank String unit,
			@NotBlank @Size(max = 20) String price, @NotNull Integer vatRateBps, boolean active) {

		static WorkspaceForm blank() {
			return new WorkspaceForm("DESK", "", 1, "INSTANT", "DAY", "", 2000, true);
		}

		static WorkspaceForm of(UserApi.Workspace w, String price) {
			return new WorkspaceForm(w.type(), w.name(), w.capacity(), w.bookingMode(), w.price().unit(), price,
					w.price().vatRateBps(), w.active());
		}

	}

	@GetMapping("/partners/{partnerId}/lieux/{establishmentId}/espaces/nouveau")
	String add(@PathVariable UUID partnerId, @PathVariable UUID establishmentId, Model model) {
		Listing.Owned owned = this.listing.owned(partnerId, establishmentId);
		model.addAttribute("workspaceForm", WorkspaceForm.blank());
		return page(owned, null, model);
	}

	@PostMapping("/partners/{partnerId}/lieux/{establishmentId}/espaces")
	String create(@PathVariable UUID partnerId, @PathVariable UUID establishmentId,
			@Valid @ModelAttribute WorkspaceForm workspaceForm, BindingResult form, Model model,
			RedirectAttributes redirect) {
		Listing.Owned owned = this.listing.owned(partnerId, establishmentId);
		return save(owned, null, workspaceForm, form, model, redirect);
	}

	@GetMapping("/partners/{partnerId}/lieux/{establishmentId}/espaces/{workspaceId}")
	String edit(@PathVariable UUID partnerId, @PathVariable UUID establishmentId, @PathVariable UUID workspaceId,
			Model model) {
		Listing.Owned owned = this.listing.owned(partnerId, establishmentId);
		UserApi.Workspace workspace = this.listing.workspace(owned, workspaceId);
		model.addAttribute("workspaceForm",
				WorkspaceForm.of(workspace, this.amounts.input(workspace.price().amountExclVat())));
		return page(owned, workspace, model);
	}

	@PostMapping("/partners/{partnerId}/lieux/{establishmentId}/espaces/{workspaceId}")
	String update(@PathVariable UUID partnerId, @PathVariable UUID establishmentId, @PathVariable UUID workspaceId,
			@Valid @ModelAttribute WorkspaceForm workspaceForm, BindingResult form, Model model,
			RedirectAttributes redirect) {
		Listing.Owned owned = this.listing.owned(partnerId, establishmentId);
		return save(owned, this.listing.workspace(owned, workspaceId), workspaceForm, form, model, redirect);
	}

	private String save(Listing.Owned owned, UserApi.Workspace existing, WorkspaceForm workspaceForm,
			BindingResult form, Model model, RedirectAttributes redirect) {
		Optional<Long> cents = cents(workspaceForm.price());
		if (cents.isEmpty() && !form.hasFieldErrors("price")) {
			form.rejectValue("price", "price.unreadable");
		}
		if (form.hasErrors()) {
			return page(owned, existing, model);
		}
		Map<String, Object> price = new LinkedHashMap<>();
		price.put("unit", workspaceForm.unit());
		price.put("amountExclVat", Map.of("amountMinor", cents.get(), "currency", "EUR"));
		price.put("vatRateBps", workspaceForm.vatRateBps());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", workspaceForm.type());
		body.put("name", workspaceForm.name().trim());
		body.put("capacity", workspaceForm.capacity());
		body.put("bookingMode", workspaceForm.bookingMode());
		body.put("price", price);
		body.put("active", existing == null || workspaceForm.active());
		try {
			if (existing == null) {
				this.api.createWorkspace(owned.establishment().establishmentId(), body);
			}
			else {
				this.api.updateWorkspace(existing.workspaceId(), body);
			}
		}
		catch (ApiProblem problem) {
			if (problem.status() == 403) {
				throw problem;
			}
			problem.reject(form, FIELDS);
			return page(owned, existing, model);
		}
		redirect.addFlashAttribute("saved", workspaceForm.name().trim());
		return "redirect:/partners/" + owned.partner().partnerId() + "/lieux";
	}

	/**
	 * The preview fragment. A price that is not yet a price says so instead of guessing;
	 * the numbers are the API's.
	 */
	@GetMapping("/partners/{partnerId}/prix")
	String preview(@PathVariable UUID partnerId, @RequestParam(defaultValue = "DAY") String unit,
			@RequestParam(defaultValue = "") String price, @RequestParam(defaultValue = "2000") int vatRateBps,
			Model model) {
		Optional<Long> cents = cents(price);
		if (cents.isPresent() && UNITS.contains(unit)) {
			try {
				model.addAttribute("preview", this.api.pricePreview(partnerId, unit, cents.get(), vatRateBps));
			}
			catch (ApiProblem problem) {
				if (problem.status() == 404) {
					throw problem;
				}
				// a rate or amount the API refuses: the form's own error says why on save
			}
		}
		return "partner/workspace :: preview";
	}

	private String page(Listing.Owned owned, UserApi.Workspace existing, Model model) {
		model.addAttribute("partner", owned.partner());
		model.addAttribute("tab", "lieux");
		model.addAttribute("establishment", owned.establishment());
		model.addAttribute("workspace", existing);
		model.addAttribute("types", TYPES);
		model.addAttribute("modes", MODES);
		model.addAttribute("units", UNITS);
		model.addAttribute("vatRates", VAT_RATES);
		model.addAttribute("canEdit", this.listing.canEdit(owned.partner().partnerId()));
		return "partner/workspace";
	}

	/**
	 * {@code 22}, {@code 22,5}, {@code 1 234,50}, {@code 22.50} → cents; nothing for what
	 * is not an amount with at most two decimals.
	 */
	static Optional<Long> cents(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String digits = text.replaceAll("[\\s\u00a0\u202f€]", "").replace(',', '.');
		if (!digits.matches("\\d{1,7}(\\.\\d{1,2})?")) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(digits).movePointRight(2).longValueExact());
	}

}
