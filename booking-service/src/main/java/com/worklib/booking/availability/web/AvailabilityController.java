package com.worklib.booking.availability.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.booking.availability.HalfHours;
import com.worklib.booking.booking.Booking;
import com.worklib.booking.booking.BookingRepository;
import com.worklib.booking.catalog.Catalog;
import com.worklib.booking.catalog.CatalogWorkspace;
import com.worklib.platform.web.ApiException;

/**
 * {@code GET /workspaces/{id}/availability?date=}: the day's opening hours in venue time,
 * the busy ranges, and for desks the places left per half hour. Never who booked.
 */
@RestController
@RequestMapping("/api/bookings/v1")
class AvailabilityController {

	private final Catalog catalog;

	private final BookingRepository bookings;

	AvailabilityController(Catalog catalog, BookingRepository bookings) {
		this.catalog = catalog;
		this.bookings = bookings;
	}

	record Hours(LocalTime opens, LocalTime closes) {
	}

	record Range(OffsetDateTime start, OffsetDateTime end) {
	}

	record Remaining(OffsetDateTime start, OffsetDateTime end, int remaining) {
	}

	record Availability(LocalDate date, String timezone, List<Hours> openingHours, List<Range> busy,
			List<Remaining> remainingCapacity) {
	}

	@GetMapping("/workspaces/{workspaceId}/availability")
	@Transactional(readOnly = true)
	Availability availability(@PathVariable UUID workspaceId, @RequestParam LocalDate date) {
		CatalogWorkspace w = this.catalog.workspace(workspaceId)
			.filter(CatalogWorkspace::active)
			.orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId));
		var zone = w.timezone();
		List<Hours> hours = w.hoursOn(date.getDayOfWeek()).stream().map(h -> new Hours(h.opens(), h.closes())).toList();
		ZonedDateTime dayStart = date.atStartOfDay(zone);
		List<Booking> active = this.bookings.activeOverlapping(workspaceId, dayStart.toInstant(),
				date.plusDays(1).atStartOfDay(zone).toInstant());
		List<Range> busy = new ArrayList<>();
		List<Remaining> remaining = new ArrayList<>();
		if (w.exclusive()) {
			active.forEach(b -> busy
				.add(new Range(b.start().atZone(zone).toOffsetDateTime(), b.end().atZone(zone).toOffsetDateTime())));
		}
		else {
			for (HalfHours.Cell cell : HalfHours.of(date, zone, w.hoursOn(date.getDayOfWeek()))) {
				OffsetDateTime from = cell.start().atZone(zone).toOffsetDateTime();
				OffsetDateTime to = cell.end().atZone(zone).toOffsetDateTime();
				long taken = active.stream()
					.filter(b -> b.start().isBefore(cell.end()) && b.end().isAfter(cell.start()))
					.count();
				int left = (int) Math.max(0, w.capacity() - taken);
				remaining.add(new Remaining(from, to, left));
				if (left == 0) {
					busy.add(new Range(from, to));
				}
			}
		}
		return new Availability(date, zone.getId(), hours, busy, remaining);
	}

}
