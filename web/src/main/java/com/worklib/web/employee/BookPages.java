package com.worklib.web.employee;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.BookerApi;
import com.worklib.web.api.UserApi;

/**
 * The booking summary and its one click. The summary asks the search again for this one
 * workspace and slot, so the price, the covering booking and the cancellation fee are the
 * API's, and a slot taken since the search says so at once. Each rendering carries a new
 * Idempotency-Key: a double click or a retry of that form books once; an error, with
 * other free slots proposed, gives a fresh form.
 */
@Controller
class BookPages {

	/** Where the other free slots are looked for, around the one asked. */
	static final List<Integer> SHIFTS_IN_HOURS = List.of(1, 2, -1, -2);

	private final BookerApi api;

	BookPages(BookerApi api) {
		this.api = api;
	}

	/** An offer nearby: the same workspace at another time, or another workspace. */
	public record Alternative(BookerApi.Offer offer, LocalTime from, LocalTime to) {
	}

	@GetMapping("/book")
	String summary(@RequestParam UUID workspaceId, @RequestParam LocalDate date, @RequestParam LocalTime from,
			@RequestParam LocalTime to, Model model) {
		return render(workspaceId, date, from, to, null, model);
	}

	@PostMapping("/book")
	String book(@RequestParam UUID workspaceId, @RequestParam LocalDate date, @RequestParam LocalTime from,
			@RequestParam LocalTime to, @RequestParam OffsetDateTime start, @RequestParam OffsetDateTime end,
			@RequestParam String idempotencyKey, @RequestParam(required = false) Integer attendees,
			@RequestParam(required = false) String note, Model model) {
		try {
			BookerApi.MyBooking booking = this.api.book(workspaceId, start, end, attendees, note, idempotencyKey);
			return "redirect:/bookings/" + booking.bookingId() + "?new";
		}
		catch (ApiProblem problem) {
			if (problem.status() == 403) {
				model.addAttribute("refused", "book.notEmployee");
			}
			else if (problem.status() == 409) {
				model.addAttribute("refused", "problem.slot-taken");
			}
			else if (problem.status() == 422 || problem.status() == 400) {
				model.addAttribute("refused", "problem." + problem.slug());
				model.addAttribute("refusedDetail", problem.getMessage());
			}
			else {
				throw problem;
			}
			return render(workspaceId, date, from, to, problem, model);
		}
	}

	private String render(UUID workspaceId, LocalDate date, LocalTime from, LocalTime to, ApiProblem refusal,
			Model model) {
		UserApi.Workspace workspace = this.api.workspace(workspaceId);
		UserApi.Establishment establishment = this.api.establishment(workspace.establishmentId());
		Optional<BookerApi.Offer> offer = find(workspace, establishment, date, from, to);
		model.addAttribute("workspace", workspace);
		model.addAttribute("establishment", establishment);
		model.addAttribute("date", date);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("offer", offer.orElse(null));
		model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
		if (offer.isEmpty() || refusal != null) {
			model.addAttribute("alternatives", alternatives(workspace, establishment, date, from, to));
		}
		return "employee/book";
	}

	private Optional<BookerApi.Offer> find(UserApi.Workspace workspace, UserApi.Establishment establishment,
			LocalDate date, LocalTime from, LocalTime to) {
		if (!to.isAfter(from)) {
			return Optional.empty();
		}
		return this.api
			.search(new BookerApi.Query(establishment.address().city(), date, from, to, workspace.type(), null,
					establishment.establishmentId()), 0, 200)
			.items()
			.stream()
			.filter(o -> o.workspace().workspaceId().equals(workspace.workspaceId()))
			.findFirst();
	}

	/**
	 * The same workspace an hour or two earlier or later, then the establishment's other
	 * workspaces of that type for the slot asked: up to five.
	 */
	private List<Alternative> alternatives(UserApi.Workspace workspace, UserApi.Establishment establishment,
			LocalDate date, LocalTime from, LocalTime to) {
		List<Alternative> found = new ArrayList<>();
		for (int shift : SHIFTS_IN_HOURS) {
			// a shift past midnight is another day: not proposed
			int start = from.toSecondOfDay() + shift * 3600;
			int end = to.toSecondOfDay() + shift * 3600;
			if (start < 0 || end >= 24 * 3600 || end <= start) {
				continue;
			}
			LocalTime earlier = LocalTime.ofSecondOfDay(start);
			LocalTime later = LocalTime.ofSecondOfDay(end);
			find(workspace, establishment, date, earlier, later)
				.ifPresent(o -> found.add(new Alternative(o, earlier, later)));
		}
		if (to.isAfter(from)) {
			this.api
				.search(new BookerApi.Query(establishment.address().city(), date, from, to, workspace.type(), null,
						null), 0, 10)
				.items()
				.stream()
				.filter(o -> !o.workspace().workspaceId().equals(workspace.workspaceId()))
				.forEach(o -> found.add(new Alternative(o, from, to)));
		}
		return found.stream().limit(5).toList();
	}

}
