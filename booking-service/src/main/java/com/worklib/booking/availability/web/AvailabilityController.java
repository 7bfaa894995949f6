package com.worklib.booking.availability.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.booking.availability.AvailabilityService;

/**
 * {@code GET /workspaces/{id}/availability?date=}: the day's opening hours in venue time,
 * the busy ranges, and for desks the places left per half hour. Never who booked.
 */
@RestController
@RequestMapping("/api/bookings/v1")
class AvailabilityController {

	private final AvailabilityService availability;

	AvailabilityController(AvailabilityService availability) {
		this.availability = availability;
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
	Availability availability(@PathVariable UUID workspaceId, @RequestParam LocalDate date) {
		AvailabilityService.Day day = this.availability.day(workspaceId, date);
		ZoneId zone = day.zone();
		return new Availability(day.date(), zone.getId(),
				day.openingHours().stream().map(h -> new Hours(h.opens(), h.closes())).toList(),
				day.busy().stream().map(r -> new Range(at(r.start(), zone), at(r.end(), zone))).toList(),
				day.remainingCapacity()
					.stream()
					.map(r -> new Remaining(at(r.start(), zone), at(r.end(), zone), r.remaining()))
					.toList());
	}

	private static OffsetDateTime at(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toOffsetDateTime();
	}

}
