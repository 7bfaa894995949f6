package com.worklib.web.partner.listing;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import com.worklib.web.api.PartnerApi;
import com.worklib.web.api.UserApi;

/**
 * "Lieux et espaces de travail" and "Éditer l'établissement" with its "Contact pour les
 * réservations" and its opening hours day by day. Owners and managers edit; finance
 * members see the same page read-only (the API refuses their writes anyway).
 */
@Controller
class ListingPages {

	private final UserApi api;

	private final Listing listing;

	private final PartnerApi bookings;

	ListingPages(UserApi api, Listing listing, PartnerApi bookings) {
		this.api = api;
		this.bookings = bookings;
		this.listing = listing;
	}

	record Place(UserApi.Establishment establishment, List<UserApi.Workspace> workspaces,
			PartnerApi.CalendarFeed feed) {
	}

	record EstablishmentForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
			@Size(max = 200) String line2, @NotBlank @Size(max = 20) String postalCode,
			@NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 2) String country, @NotBlank String timezone,
			@Size(max = 4000) String description, @NotBlank @Size(max = 254) String email,
			@NotBlank @Size(max = 40) String phone, @Size(max = 100) String monday, @Size(max = 100) String tuesday,
			@Size(max = 100) String wednesday, @Size(max = 100) String thursday, @Size(max = 100) String friday,
			@Size(max = 100) String saturday, @Size(max = 100) String sunday, @Size(max = 1000) String access) {

		static EstablishmentForm of(UserApi.Establishment e) {
			UserApi.BookingContact contact = e.bookingContact() != null ? e.bookingContact()
					: new UserApi.BookingContact("", "");
			Map<DayOfWeek, String> week = WeekHours.format(e.openingHours());
			return new EstablishmentForm(e.name(), e.address().line1(), e.address().line2(), e.address().postalCode(),
					e.address().city(), e.address().country(), e.timezone(), e.description(), contact.email(),
					contact.phone(), week.get(DayOfWeek.MONDAY), week.get(DayOfWeek.TUESDAY),
					week.get(DayOfWeek.WEDNESDAY), week.get(DayOfWeek.THURSDAY), week.get(DayOfWeek.FRIDAY),
					week.get(DayOfWeek.SATURDAY), week.get(DayOfWeek.SUNDAY), e.accessInstructions());
		}

		Map<DayOfWeek, String> week() {
			Map<DayOfWeek, String> week = new LinkedHashMap<>();
			week.put(DayOfWeek.MONDAY, this.monday);
			week.put(DayOfWeek.TUESDAY, this.tuesday);
			week.put(DayOfWeek.WEDNESDAY, this.wednesday);
			week.put(DayOfWeek.THURSDAY, this.thursday);
			week.put(DayOfWeek.FRIDAY, this.friday);
			week.put(DayOfWeek.SATURDAY, this.saturday);
			week.put(DayOfWeek.SUNDAY, this.sunday);
			return week;
		}

	}

	/** The API's field names, as the form names them. */
	static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("name", "name"),
			Map.entry("address.line1", "line1"), Map.entry("address.line2", "line2"),
			Map.entry("address.postalCode", "postalCode"), Map.entry("address.city", "city"),
			Map.entry("address.country", "country"), Map.entry("timezone", "timezone"),
			Map.entry("description", "description"), Map.entry("bookingContact.email", "email"),
			Map.entry("bookingContact.phone", "phone"), Map.entry("accessInstructions", "access"));

	@GetMapping("/partners/{partnerId}/lieux")
	String places(@PathVariable UUID partnerId, Model model) {
		UserApi.Partner partner = this.api.partner(partnerId);
		List<Place> places = new ArrayList<>();
		for (UserApi.Establishment establishment : this.api.establishments(partnerId)) {
			places.add(new Place(establishment, this.api.workspaces(establishment.establishmentId()),
					feed(establishment.establishmentId())));
		}
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "lieux");
		model.addAttribute("places", places);
		model.addAttribute("canEdit", this.listing.canEdit(partnerId));
		return "partner/places";
	}

	/**
	 * A new subscription URL for the establishment's calendar: the one given before (to a
	 * former employee, say) stops answering.
	 */
	@PostMapping("/partners/{partnerId}/lieux/{establishmentId}/agenda")
	String rotateFeed(@PathVariable UUID partnerId, @PathVariable UUID establishmentId, RedirectAttributes redirect) {
		Listing.Owned owned = this.listing.owned(partnerId, establishmentId);
		this.bookings.rotateCalendarFeed(establishmentId);
		redirect.addFlashAttribute("feedRotated", owned.establishment().name());
		return "redirect:/partners/" + partnerId + "/lieux";
	}

	@GetMapping("/partners/{partnerId}/lieux/{establishmentId}")
	String edit(@PathVariable UUID partnerId, @PathVariable UUID establishmentId, Model model) {
		Listing.Owned owned = this.listing.owned(partnerId, establishmentId);
		model.addAttribute("establishmentForm", EstablishmentForm.of(owned.establishment()));
		return editPage(owned, model);
	}

	@PostMapping("/partners/{partnerId}/lieux/{establishmentId}")
	String save(@PathVariable UUID partnerId, @PathVariable UUID establishmentId,
			@Valid @ModelAttribute EstablishmentForm establishmentForm, BindingResult form, Model model,
			RedirectAttributes redirect) {
		Listing.Owned owned = this.listing.owned(partnerId, establishmentId);
		List<UserApi.Hours> hours = new ArrayList<>();
		establishmentForm.week().forEach((day, text) -> {
			try {
				hours.addAll(WeekHours.parse(day, text));
			}
			catch (WeekHours.Unreadable ex) {
				form.rejectValue(day.name().toLowerCase(Locale.ROOT), "hours.unreadable",
						new Object[] { ex.getMessage() }, null);
			}
		});
		if (form.hasErrors()) {
			return editPage(owned, model);
		}
		Map<String, Object> address = new LinkedHashMap<>();
		address.put("line1", establishmentForm.line1());
		address.put("line2", blankToNull(establishmentForm.line2()));
		address.put("postalCode", establishmentForm.postalCode());
		address.put("city", establishmentForm.city());
		address.put("country", establishmentForm.country().toUpperCase(Locale.ROOT));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", establishmentForm.name());
		body.put("address", address);
		body.put("timezone", establishmentForm.timezone());
		body.put("openingHours", hours);
		body.put("description", blankToNull(establishmentForm.description()));
		body.put("bookingContact", Map.of("email", establishmentForm.email(), "phone", establishmentForm.phone()));
		body.put("accessInstructions", blankToNull(establishmentForm.access()));
		try {
			this.api.updateEstablishment(establishmentId, body);
		}
		catch (ApiProblem problem) {
			Map<String, String> fields = new HashMap<>(FIELDS);
			// the API names the day its hours refuse: "monday opens at 19:00 but closes
			// …"
			problem.errors()
				.stream()
				.filter(e -> e.field().equals("openingHours"))
				.findFirst()
				.flatMap(e -> WeekHours.DAYS.stream()
					.map(d -> d.name().toLowerCase(Locale.ROOT))
					.filter(e.message()::startsWith)
					.findFirst())
				.ifPresent(day -> fields.put("openingHours", day));
			problem.reject(form, fields);
			return editPage(owned, model);
		}
		redirect.addFlashAttribute("saved", establishmentForm.name());
		return "redirect:/partners/" + partnerId + "/lieux";
	}

	private String editPage(Listing.Owned owned, Model model) {
		model.addAttribute("partner", owned.partner());
		model.addAttribute("tab", "lieux");
		model.addAttribute("establishment", owned.establishment());
		model.addAttribute("days", WeekHours.DAYS.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
		model.addAttribute("canEdit", this.listing.canEdit(owned.partner().partnerId()));
		return "partner/establishment";
	}

	/** The listing is venue's: it shows while booking, which keeps feeds, is away. */
	private PartnerApi.CalendarFeed feed(UUID establishmentId) {
		try {
			return this.bookings.calendarFeed(establishmentId);
		}
		catch (ApiProblem unavailable) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
