package com.worklib.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.worklib.booking.catalog.CatalogWorkspace.Hours;

/**
 * The half-hour cells of one venue-local day's opening ranges, counted on the timeline
 * (instants), not on the wall clock: a wall-clock time wraps at midnight (a loop over
 * {@code LocalTime.plusMinutes} never ends for a range closing after 23:30), while an
 * instant only grows, so each range yields at most 50 cells (25 h on the day clocks go
 * back). A range closing at 23:59 means "until midnight".
 */
public final class HalfHours {

	static final Duration CELL = Duration.ofMinutes(30);

	private HalfHours() {
	}

	public record Cell(Instant start, Instant end) {
	}

	public static List<Cell> of(LocalDate date, ZoneId zone, List<Hours> hours) {
		List<Cell> cells = new ArrayList<>();
		for (Hours h : hours) {
			Instant opens = date.atTime(h.opens()).atZone(zone).toInstant();
			Instant closes = closing(date, zone, h);
			for (Instant t = opens; t.isBefore(closes); t = t.plus(CELL)) {
				Instant end = t.plus(CELL);
				cells.add(new Cell(t, end.isAfter(closes) ? closes : end));
			}
		}
		return cells;
	}

	private static Instant closing(LocalDate date, ZoneId zone, Hours h) {
		if (h.closes().getHour() == 23 && h.closes().getMinute() == 59) {
			return date.plusDays(1).atStartOfDay(zone).toInstant();
		}
		return date.atTime(h.closes()).atZone(zone).toInstant();
	}

}
