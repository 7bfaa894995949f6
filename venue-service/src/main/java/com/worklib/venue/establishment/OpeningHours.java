package com.worklib.venue.establishment;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One opening range of one weekday, in the establishment's local time. */
public record OpeningHours(DayOfWeek dayOfWeek, LocalTime opens, LocalTime closes) {

	private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed",
			DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun",
			DayOfWeek.SUNDAY);

	private static final Pattern ENTRY = Pattern
		.compile("^([a-z]{3})(?:\\s*-\\s*([a-z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})$");

	public OpeningHours {
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException(
					dayOfWeek.name().toLowerCase(Locale.ROOT) + " opens at " + opens + " but closes at " + closes);
		}
	}

	/**
	 * Reads Neo-nomade's notation: {@code mon-fri 08:00-19:00, sat 09:00-13:00}. Entries
	 * are separated by commas; a day range wraps no further than Sunday.
	 * @throws IllegalArgumentException naming the entry that cannot be read
	 */
	public static List<OpeningHours> parseNeoNomade(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("opening hours are empty");
		}
		List<OpeningHours> hours = new ArrayList<>();
		for (String raw : text.split(",")) {
			String entry = raw.trim().toLowerCase(Locale.ROOT);
			Matcher m = ENTRY.matcher(entry);
			if (!m.matches() || !DAYS.containsKey(m.group(1))
					|| (m.group(2) != null && !DAYS.containsKey(m.group(2)))) {
				throw new IllegalArgumentException(
						"'" + raw.trim() + "' is not like 'mon-fri 08:00-19:00' or 'sat 09:00-13:00'");
			}
			DayOfWeek from = DAYS.get(m.group(1));
			DayOfWeek to = m.group(2) == null ? from : DAYS.get(m.group(2));
			if (to.compareTo(from) < 0) {
				throw new IllegalArgumentException("'" + raw.trim() + "': the day range runs backwards");
			}
			LocalTime opens = time(m.group(3), raw);
			LocalTime closes = time(m.group(4), raw);
			for (int d = from.getValue(); d <= to.getValue(); d++) {
				hours.add(new OpeningHours(DayOfWeek.of(d), opens, closes));
			}
		}
		return validated(hours);
	}

	/** Sorted by day and time; refuses two ranges of one day that overlap. */
	public static List<OpeningHours> validated(List<OpeningHours> hours) {
		List<OpeningHours> sorted = hours.stream()
			.sorted(Comparator.comparing(OpeningHours::dayOfWeek).thenComparing(OpeningHours::opens))
			.toList();
		for (int i = 1; i < sorted.size(); i++) {
			OpeningHours previous = sorted.get(i - 1);
			OpeningHours current = sorted.get(i);
			if (previous.dayOfWeek() == current.dayOfWeek() && current.opens().isBefore(previous.closes())) {
				throw new IllegalArgumentException(current.dayOfWeek().name().toLowerCase(Locale.ROOT)
						+ " has overlapping ranges " + previous.opens() + "-" + previous.closes() + " and "
						+ current.opens() + "-" + current.closes());
			}
		}
		return sorted;
	}

	private static LocalTime time(String hhmm, String entry) {
		try {
			return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + entry.trim() + "': " + hhmm + " is not a time of day");
		}
	}

}
