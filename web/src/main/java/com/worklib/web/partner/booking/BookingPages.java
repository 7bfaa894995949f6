package com.worklib.web.partner.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.PartnerApi;
import com.worklib.web.api.UserApi;

/**
 * "Réservations": the partner's bookings table with its filters and pages, the requests
 * waiting for an answer on top (Confirmer / Refuser update the row in place), the CSV of
 * exactly the filtered rows, and a booking's page with its three prices and the partner's
 * cancellation (always free for the booker, so nothing is invoiced).
 */
@Controller
class BookingPages {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final List<String> STATUSES = List.of("REQUESTED", "CONFIRMED", "CANCELLED", "DECLINED", "EXPIRED");

	static final int PAGE_SIZE = 25;

	private final UserApi user;

	private final PartnerApi api;

	private final Clock clock;

	BookingPages(UserApi user, PartnerApi api, Clock clock) {
		this.user = user;
		this.api = api;
		this.clock = clock;
	}

	/** A workspace of the filter, named with its establishment when there are several. */
	record WorkspaceChoice(UUID workspaceId, String label) {
	}

	/** A request row: the booking and how long the partner has left to answer. */
	record Request(PartnerApi.Booking booking, long hoursLeft) {
	}

	@GetMapping("/partners/{partnerId}/reservations")
	String table(@PathVariable UUID partnerId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) UUID establishmentId,
			@RequestParam(required = false) UUID workspaceId, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		UserApi.Partner partner = this.user.partner(partnerId);
		PartnerApi.Filters filters = filters(from, to, establishmentId, workspaceId, status);
		List<UserApi.Establishment> establishments = this.user.establishments(partnerId);
		List<WorkspaceChoice> workspaces = new ArrayList<>();
		for (UserApi.Establishment e : establishments) {
			for (UserApi.Workspace w : this.user.workspaces(e.establishmentId())) {
				// two establishments' "Open space" must not look alike in the list
				workspaces.add(new WorkspaceChoice(w.workspaceId(),
						establishments.size() > 1 ? e.name() + " — " + w.name() : w.name()));
			}
		}
		List<Request> requests = this.api
			.bookings(partnerId, new PartnerApi.Filters(null, null, null, null, "REQUESTED"), 0, 200)
			.items()
			.stream()
			.map(b -> new Request(b,
					b.expiresAt() == null ? 0
							: Math.max(0, Duration.between(this.clock.instant(), b.expiresAt().toInstant()).toHours())))
			.toList();
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "reservations");
		model.addAttribute("canAnswer", canAnswer(partnerId));
		model.addAttribute("filters", filters);
		model.addAttribute("establishments", establishments);
		model.addAttribute("workspaces", workspaces);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("requests", requests);
		model.addAttribute("rows", this.api.bookings(partnerId, filters, Math.max(0, page), PAGE_SIZE));
		return "partner/bookings";
	}

	@GetMapping("/partners/{partnerId}/reservations.csv")
	ResponseEntity<byte[]> csv(@PathVariable UUID partnerId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) UUID establishmentId,
			@RequestParam(required = false) UUID workspaceId, @RequestParam(required = false) String status) {
		PartnerApi.Filters filters = filters(from, to, establishmentId, workspaceId, status);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"reservations-" + filters.from() + "-" + filters.to() + ".csv\"")
			.body(this.api.bookingsCsv(partnerId, filters));
	}

	@PostMapping("/partners/{partnerId}/reservations/{bookingId}/{action:confirm|decline}")
	String answer(@PathVariable UUID partnerId, @PathVariable UUID bookingId, @PathVariable String action,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		PartnerApi.Booking booking;
		try {
			booking = this.api.answer(bookingId, action, null);
		}
		catch (ApiProblem problem) {
			if (problem.status() != 409) {
				throw problem;
			}
			// answered meanwhile (or expired): show it as it is now
			booking = this.api.booking(bookingId);
		}
		if (htmx == null) {
			redirect.addFlashAttribute("answered", booking.bookingId());
			return "redirect:/partners/" + partnerId + "/reservations";
		}
		model.addAttribute("partner", this.user.partner(partnerId));
		model.addAttribute("r", new Request(booking, 0));
		model.addAttribute("canAnswer", true);
		return "partner/bookings :: request";
	}

	@GetMapping({ "/partners/{partnerId}/reservations/{bookingId}", "/partners/{partnerId}/bookings/{bookingId}" })
	String booking(@PathVariable UUID partnerId, @PathVariable UUID bookingId, Model model) {
		UserApi.Partner partner = this.user.partner(partnerId);
		PartnerApi.Booking booking = this.api.booking(bookingId);
		if (!partnerId.equals(booking.partnerId())) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "reservations");
		model.addAttribute("booking", booking);
		model.addAttribute("canAnswer", canAnswer(partnerId));
		model.addAttribute("entered", this.user.workspace(booking.workspaceId()));
		model.addAttribute("billed",
				this.api.invoiceLines(partnerId, bookingId, YearMonth.from(booking.serviceDate())));
		return "partner/booking";
	}

	@PostMapping("/partners/{partnerId}/reservations/{bookingId}/cancel")
	String cancel(@PathVariable UUID partnerId, @PathVariable UUID bookingId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			this.api.answer(bookingId, "cancel", reason);
			redirect.addFlashAttribute("cancelled", true);
		}
		catch (ApiProblem problem) {
			if (problem.status() != 409) {
				throw problem;
			}
			redirect.addFlashAttribute("refusedDetail", problem.getMessage());
		}
		return "redirect:/partners/" + partnerId + "/reservations/" + bookingId;
	}

	private boolean canAnswer(UUID partnerId) {
		return java.util.Set.of("OWNER", "MANAGER").contains(this.user.me().roleIn(partnerId));
	}

	/** This month and the next, in the venue's zone, unless the person chose. */
	private PartnerApi.Filters filters(LocalDate from, LocalDate to, UUID establishmentId, UUID workspaceId,
			String status) {
		YearMonth month = YearMonth.now(this.clock.withZone(PARIS));
		return new PartnerApi.Filters(from == null ? month.atDay(1) : from,
				to == null ? month.plusMonths(1).atEndOfMonth() : to, establishmentId, workspaceId,
				status != null && STATUSES.contains(status) ? status : null);
	}

}
