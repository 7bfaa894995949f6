package com.worklib.booking.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.booking.booking.Booking;
import com.worklib.booking.booking.BookingRepository;
import com.worklib.booking.catalog.Catalog;
import com.worklib.booking.catalog.CatalogWorkspace;
import com.worklib.platform.domain.NotFoundException;

/**
 * A workspace's day: its opening hours in venue time, the busy ranges, and for desks the
 * places left per half hour. Never who booked.
 */
@Service
public class AvailabilityService {

	private final Catalog catalog;

	private final BookingRepository bookings;

	AvailabilityService(Catalog catalog, BookingRepository bookings) {
		this.catalog = catalog;
		this.bookings = bookings;
	}

	/** An active workspace's day; an unknown or inactive one is not found. */
	@Transactional(readOnly = true)
	public Day day(UUID workspaceId, LocalDate date) {
		CatalogWorkspace w = this.catalog.workspace(workspaceId)
			.filter(CatalogWorkspace::active)
			.orElseThrow(() -> new NotFoundException("Workspace " + workspaceId));
		ZoneId zone = w.timezone();
		List<Hours> hours = w.hoursOn(date.getDayOfWeek()).stream().map(h -> new Hours(h.opens(), h.closes())).toList();
		List<Booking> active = this.bookings.activeOverlapping(workspaceId, date.atStartOfDay(zone).toInstant(),
				date.plusDays(1).atStartOfDay(zone).toInstant());
		List<Range> busy = new ArrayList<>();
		List<Remaining> remaining = new ArrayList<>();
		if (w.exclusive()) {
			active.forEach(b -> busy.add(new Range(b.start(), b.end())));
		}
		else {
			for (HalfHours.Cell cell : HalfHours.of(date, zone, w.hoursOn(date.getDayOfWeek()))) {
				long taken = active.stream()
					.filter(b -> b.start().isBefore(cell.end()) && b.end().isAfter(cell.start()))
					.count();
				int left = (int) Math.max(0, w.capacity() - taken);
				remaining.add(new Remaining(cell.start(), cell.end(), left));
				if (left == 0) {
					busy.add(new Range(cell.start(), cell.end()));
				}
			}
		}
		return new Day(date, zone, hours, busy, remaining);
	}

	/** One day of a workspace; instants are shown in {@code zone}. */
	public record Day(LocalDate date, ZoneId zone, List<Hours> openingHours, List<Range> busy,
			List<Remaining> remainingCapacity) {
	}

	public record Hours(LocalTime opens, LocalTime closes) {
	}

	public record Range(Instant start, Instant end) {
	}

	public record Remaining(Instant start, Instant end, int remaining) {
	}

}
