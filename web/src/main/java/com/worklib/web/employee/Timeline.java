package com.worklib.web.employee;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import com.worklib.web.api.BookerApi;

/**
 * A workspace's day as the page draws it: one cell per half hour of its opening hours,
 * taken or free as the API's busy ranges say (desks: with the places it counts left). No
 * rule is decided here: the cells only lay the API's answer out. Public, as the template
 * calls its methods.
 */
public record Timeline(List<Cell> cells) {

	public record Cell(LocalTime start, boolean taken, Integer placesLeft) {
	}

	public boolean closed() {
		return this.cells.isEmpty();
	}

	static Timeline of(BookerApi.Day day, boolean desk) {
		ZoneId zone = ZoneId.of(day.timezone());
		List<Cell> cells = new ArrayList<>();
		for (BookerApi.Hours h : day.openingHours()) {
			ZonedDateTime t = day.date().atTime(h.opens()).atZone(zone);
			ZonedDateTime closes = h.closes().equals(LocalTime.of(23, 59)) ? day.date().plusDays(1).atStartOfDay(zone)
					: day.date().atTime(h.closes()).atZone(zone);
			// counted on the timeline, so a range closing at midnight ends
			for (; t.isBefore(closes); t = t.plus(Duration.ofMinutes(30))) {
				OffsetDateTime start = t.toOffsetDateTime();
				OffsetDateTime end = t.plusMinutes(30).toOffsetDateTime();
				boolean taken = day.busy().stream().anyMatch(b -> b.start().isBefore(end) && b.end().isAfter(start));
				Integer left = null;
				if (desk) {
					left = day.remainingCapacity()
						.stream()
						.filter(r -> !r.start().isAfter(start) && r.end().isAfter(start))
						.map(BookerApi.Remaining::remaining)
						.findFirst()
						.orElse(null);
				}
				cells.add(new Cell(t.toLocalTime(), taken, left));
			}
		}
		return new Timeline(List.copyOf(cells));
	}

}
