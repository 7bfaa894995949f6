package com.worklib.web.employee;

import java.time.Clock;
import java.util.Comparator;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.BookerApi;

/**
 * "Mes réservations": upcoming and past with their status, the calendar file, and the
 * cancellation, which says what it costs (the API's fee and free-until time) before the
 * booker confirms it.
 */
@Controller
class MyBookingsPages {

	private final BookerApi api;

	private final Clock clock;

	MyBookingsPages(BookerApi api, Clock clock) {
		this.api = api;
		this.clock = clock;
	}

	@GetMapping("/bookings")
	String mine(Model model) {
		List<BookerApi.MyBooking> all = this.api.mine();
		var now = this.clock.instant();
		model.addAttribute("upcoming",
				all.stream()
					.filter(b -> b.end().toInstant().isAfter(now))
					.sorted(Comparator.comparing(BookerApi.MyBooking::start))
					.toList());
		model.addAttribute("past",
				all.stream()
					.filter(b -> !b.end().toInstant().isAfter(now))
					.sorted(Comparator.comparing(BookerApi.MyBooking::start).reversed())
					.toList());
		return "employee/bookings";
	}

	@GetMapping("/bookings/{bookingId}")
	String booking(@PathVariable UUID bookingId, Model model) {
		model.addAttribute("booking", this.api.booking(bookingId));
		return "employee/booking";
	}

	@GetMapping("/bookings/{bookingId}/annuler")
	String confirmCancel(@PathVariable UUID bookingId, Model model) {
		BookerApi.MyBooking booking = this.api.booking(bookingId);
		model.addAttribute("booking", booking);
		// the API says what cancelling now costs, by its own clock
		model.addAttribute("late", booking.cancellation() != null && booking.cancellation().feeNow() != null);
		return "employee/cancel";
	}

	@PostMapping("/bookings/{bookingId}/annuler")
	String cancel(@PathVariable UUID bookingId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			this.api.cancel(bookingId, reason);
			redirect.addFlashAttribute("cancelled", true);
		}
		catch (ApiProblem problem) {
			if (problem.status() != 409) {
				throw problem;
			}
			redirect.addFlashAttribute("notCancellable", true);
		}
		return "redirect:/bookings/" + bookingId;
	}

	@GetMapping("/bookings/{bookingId}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable UUID bookingId) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"worklib-" + bookingId + ".ics\"")
			.body(this.api.calendar(bookingId));
	}

}
