package com.worklib.web.employee;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.BookerApi;
import com.worklib.web.api.PartnerApi;
import com.worklib.web.api.UserApi;

/**
 * The search (public): where, when, what, then cards of what is free for the whole slot
 * with the price incl. VAT the booking will have; and an establishment's page with its
 * workspaces and the day as a timeline of half hours.
 */
@Controller
class SearchPages {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final List<String> TYPES = List.of("DESK", "MEETING_ROOM", "PRIVATE_OFFICE");

	static final Set<String> FIELDS = Set.of("city", "date", "from", "to", "type", "capacity");

	static final int PAGE_SIZE = 10;

	private final BookerApi api;

	private final Clock clock;

	SearchPages(BookerApi api, Clock clock) {
		this.api = api;
		this.clock = clock;
	}

	@GetMapping("/search")
	String search(@ModelAttribute SearchForm searchForm, BindingResult form, @RequestParam(defaultValue = "0") int page,
			Model model) {
		if (searchForm.getDate() == null && !form.hasFieldErrors("date")) {
			searchForm.setDate(LocalDate.now(this.clock.withZone(PARIS)).plusDays(1));
		}
		model.addAttribute("times", SearchForm.times());
		model.addAttribute("types", TYPES);
		if (searchForm.asked() && !form.hasErrors()) {
			try {
				PartnerApi.Page<BookerApi.Offer> offers = this.api.search(searchForm.query(), Math.max(0, page),
						PAGE_SIZE);
				model.addAttribute("offers", offers);
			}
			catch (ApiProblem problem) {
				if (problem.status() != 400) {
					throw problem;
				}
				problem.reject(form, FIELDS);
			}
		}
		return "employee/search";
	}

	/** An establishment's workspace and its day. */
	public record WorkspaceDay(UserApi.Workspace workspace, Timeline timeline) {
	}

	@GetMapping("/places/{establishmentId}")
	String place(@PathVariable UUID establishmentId, @RequestParam(required = false) LocalDate date, Model model) {
		LocalDate day = date != null ? date : LocalDate.now(this.clock.withZone(PARIS)).plusDays(1);
		UserApi.Establishment establishment = this.api.establishment(establishmentId);
		List<WorkspaceDay> workspaces = this.api.workspaces(establishmentId)
			.stream()
			.filter(UserApi.Workspace::active)
			.map(w -> new WorkspaceDay(w, Timeline.of(this.api.day(w.workspaceId(), day), "DESK".equals(w.type()))))
			.toList();
		model.addAttribute("establishment", establishment);
		model.addAttribute("date", day);
		model.addAttribute("workspaces", workspaces);
		model.addAttribute("times", SearchForm.times());
		return "employee/place";
	}

}
