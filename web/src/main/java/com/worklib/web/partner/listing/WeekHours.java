package com.worklib.web.partner.listing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.worklib.web.api.UserApi;

/**
 * The opening hours as a person types them, one field per day: {@code 08:00-19:00}, or
 * {@code 08:00-12:00, 14:00-19:00} for a lunch break, empty when closed. This only reads
 * the notation; whether the ranges make sense (closing after opening, no overlap) is the
 * API's rule, and its refusal is shown next to the hours.
 */
final class WeekHours {

	static final List<DayOfWeek> DAYS = List.of(DayOfWeek.values());

	private static final Pattern RANGE = Pattern
		.compile("\\s*(\\d{1,2})(?:[:h](\\d{2})|h)?\\s*[-–à]\\s*(\\d{1,2})(?:[:h](\\d{2})|h)?\\s*");

	private WeekHours() {
	}

	/** One text per day, in the notation above. */
	static Map<DayOfWeek, String> format(List<UserApi.Hours> hours) {
		Map<DayOfWeek, String> days = new LinkedHashMap<>();
		for (DayOfWeek day : DAYS) {
			days.put(day,
					hours.stream()
						.filter(h -> h.dayOfWeek().equals(day.name()))
						.map(h -> h.opens() + "-" + h.closes())
						.collect(Collectors.joining(", ")));
		}
		return days;
	}

	/** A day's text that is not in the notation. */
	static final class Unreadable extends Exception {

		Unreadable(String text) {
			super(text);
		}

	}

	/** The API's {@code openingHours} entries of one day; none when the text is empty. */
	static List<UserApi.Hours> parse(DayOfWeek day, String text) throws Unreadable {
		List<UserApi.Hours> ranges = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return ranges;
		}
		for (String part : text.split("[,;]")) {
			Matcher m = RANGE.matcher(part);
			if (!m.matches()) {
				throw new Unreadable(part.trim());
			}
			try {
				ranges.add(new UserApi.Hours(day.name(), time(m.group(1), m.group(2)), time(m.group(3), m.group(4))));
			}
			catch (DateTimeParseException ex) {
				throw new Unreadable(part.trim());
			}
		}
		return ranges;
	}

	private static String time(String hours, String minutes) {
		String text = "%02d:%s".formatted(Integer.parseInt(hours), minutes == null ? "00" : minutes);
		return LocalTime.parse(text).toString();
	}

}
