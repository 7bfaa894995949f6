package com.worklib.booking.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.worklib.booking.catalog.CatalogWorkspace.Hours;
import com.worklib.booking.catalog.CatalogWorkspace;

/**
 * Whether a time range can be booked, decided in the establishment's time zone (so a day
 * with a daylight-saving change keeps its local opening hours), and how many units it is.
 *
 * <pre>
 * HOUR      30-minute boundaries, at least 1 h, inside one opening range of one day   quantity = hours (2.5)
 * HALF_DAY  exactly the morning or the afternoon half of the day's opening hours      quantity = 1
 * DAY       from opening of the first day to closing of the last, at most 31 days     quantity = opening days
 * </pre>
 */
public final class SlotRules {

	static final int MAX_DAYS = 31;

	private SlotRules() {
	}

	/**
	 * The validated slot: its quantity and the service date (the venue-local date of its
	 * start).
	 */
	public record Slot(BigDecimal quantity, LocalDate serviceDate) {
	}

	public static Slot check(CatalogWorkspace workspace, Instant start, Instant end, Instant now) {
		if (!end.isAfter(start)) {
			throw refused("bad-range", "The end must be after the start");
		}
		if (!start.isAfter(now)) {
			throw refused("in-the-past", "A booking must start in the future");
		}
		ZoneId zone = workspace.timezone();
		LocalDateTime from = LocalDateTime.ofInstant(start, zone);
		LocalDateTime to = LocalDateTime.ofInstant(end, zone);
		BigDecimal quantity = switch (workspace.unit()) {
			case HOUR -> hours(workspace, from, to, start, end);
			case HALF_DAY -> halfDay(workspace, from, to);
			case DAY -> days(workspace, from, to);
		};
		return new Slot(quantity, from.toLocalDate());
	}

	private static BigDecimal hours(CatalogWorkspace w, LocalDateTime from, LocalDateTime to, Instant start,
			Instant end) {
		if (from.getMinute() % 30 != 0 || to.getMinute() % 30 != 0 || from.getSecond() != 0 || to.getSecond() != 0
				|| from.getNano() != 0 || to.getNano() != 0) {
			throw refused("wrong-granularity", "Hourly workspaces are booked on 30-minute boundaries (venue time)");
		}
		Duration length = Duration.between(start, end);
		if (length.compareTo(Duration.ofHours(1)) < 0) {
			throw refused("wrong-granularity", "Hourly bookings last at least 1 hour");
		}
		if (!isOpen(w, from, to)) {
			throw refused("outside-opening-hours",
					"The establishment is not open for the whole slot " + from + " – " + to + " (venue time)");
		}
		// venue-local wall-clock length, so an hour lost or gained to daylight saving is
		// not billed
		long minutes = Duration.between(from, to).toMinutes();
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60)).stripTrailingZeros();
	}

	private static BigDecimal halfDay(CatalogWorkspace w, LocalDateTime from, LocalDateTime to) {
		List<Hours> day = w.hoursOn(from.getDayOfWeek());
		if (day.isEmpty() || !from.toLocalDate().equals(to.toLocalDate())) {
			throw refused("outside-opening-hours", "Half days are booked within one opening day");
		}
		LocalTime opens = day.get(0).opens();
		LocalTime closes = day.get(day.size() - 1).closes();
		LocalTime middle = middle(opens, closes);
		boolean morning = from.toLocalTime().equals(opens) && to.toLocalTime().equals(middle);
		boolean afternoon = from.toLocalTime().equals(middle) && to.toLocalTime().equals(closes);
		if (!morning && !afternoon) {
			throw refused("wrong-granularity", "A half day is " + opens + "–" + middle + " or " + middle + "–" + closes
					+ " on " + from.toLocalDate() + " (venue time)");
		}
		return BigDecimal.ONE;
	}

	/**
	 * Open for the whole local range. A range ending at 23:59 means "until midnight", so
	 * a venue open round the clock takes a booking across midnight (its service date is
	 * the day it starts).
	 */
	static boolean isOpen(CatalogWorkspace w, LocalDateTime from, LocalDateTime to) {
		if (Duration.between(from, to).toDays() >= 1) {
			return false;
		}
		if (from.toLocalDate().equals(to.toLocalDate())) {
			return covered(w, from.toLocalDate(), from.toLocalTime(), to.toLocalTime());
		}
		return to.toLocalDate().equals(from.toLocalDate().plusDays(1))
				&& covered(w, from.toLocalDate(), from.toLocalTime(), LocalTime.MAX)
				&& (to.toLocalTime().equals(LocalTime.MIDNIGHT)
						|| covered(w, to.toLocalDate(), LocalTime.MIDNIGHT, to.toLocalTime()));
	}

	private static boolean covered(CatalogWorkspace w, LocalDate day, LocalTime from, LocalTime to) {
		return w.hoursOn(day.getDayOfWeek()).stream().anyMatch(h -> {
			LocalTime closes = h.closes().equals(LOCAL_MIDNIGHT_END) ? LocalTime.MAX : h.closes();
			return !from.isBefore(h.opens()) && !to.isAfter(closes);
		});
	}

	static final LocalTime LOCAL_MIDNIGHT_END = LocalTime.of(23, 59);

	/** The middle of the opening hours, on a 30-minute boundary. */
	public static LocalTime middle(LocalTime opens, LocalTime closes) {
		long half = Duration.between(opens, closes).toMinutes() / 2;
		return opens.plusMinutes(half - half % 30);
	}

	private static BigDecimal days(CatalogWorkspace w, LocalDateTime from, LocalDateTime to) {
		LocalDate first = from.toLocalDate();
		LocalDate last = to.toLocalDate();
		List<Hours> firstDay = w.hoursOn(first.getDayOfWeek());
		List<Hours> lastDay = w.hoursOn(last.getDayOfWeek());
		if (firstDay.isEmpty() || lastDay.isEmpty() || !from.toLocalTime().equals(firstDay.get(0).opens())
				|| !to.toLocalTime().equals(lastDay.get(lastDay.size() - 1).closes())) {
			throw refused("wrong-granularity",
					"Daily workspaces are booked from opening on the first day to closing on the last (venue time)");
		}
		long span = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
		if (span > MAX_DAYS) {
			throw refused("too-long", "At most " + MAX_DAYS + " days can be booked at once");
		}
		long openDays = first.datesUntil(last.plusDays(1)).filter(d -> !w.hoursOn(d.getDayOfWeek()).isEmpty()).count();
		return BigDecimal.valueOf(openDays);
	}

	static BookingRefused refused(String type, String detail) {
		return new BookingRefused(type, detail);
	}

}
