package com.worklib.booking.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import com.worklib.booking.catalog.CatalogWorkspace.Hours;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cells availability lists, for any opening hours the venue API accepts (any minute
 * of the day, 23:59 meaning midnight), in zones with and without daylight saving, on the
 * days clocks change.
 */
class HalfHoursTest {

	static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
			ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"));

	/** Days around the 2026 and 2027 changes in every zone above, and ordinary days. */
	@Provide
	Arbitrary<LocalDate> days() {
		return Arbitraries.oneOf(
				Arbitraries.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 4, 5),
						LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 1),
						LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31)),
				Arbitraries.integers().between(0, 3650).map(d -> LocalDate.of(2025, 1, 1).plusDays(d)));
	}

	@Provide
	Arbitrary<Hours> hours() {
		Arbitrary<Integer> opens = Arbitraries.integers().between(0, 1438);
		return opens.flatMap(o -> Arbitraries.oneOf(Arbitraries.integers().between(o + 1, 1439), Arbitraries.just(1439))
			.map(c -> new Hours(DayOfWeek.MONDAY, LocalTime.of(o / 60, o % 60), LocalTime.of(c / 60, c % 60))));
	}

	@Provide
	Arbitrary<ZoneId> zones() {
		return Arbitraries.of(ZONES);
	}

	@Property(tries = 2000)
	void cellsTileTheOpeningRangeInAtMostFiftyHalfHours(@ForAll("days") LocalDate day, @ForAll("zones") ZoneId zone,
			@ForAll("hours") Hours range) {
		List<HalfHours.Cell> cells = HalfHours.of(day, zone, List.of(range));
		var opens = day.atTime(range.opens()).atZone(zone).toInstant();
		var closes = range.closes().equals(LocalTime.of(23, 59)) ? day.plusDays(1).atStartOfDay(zone).toInstant()
				: day.atTime(range.closes()).atZone(zone).toInstant();
		if (!opens.isBefore(closes)) {
			// a range inside the hour that clocks skip (02:30-03:00 on the day they go
			// forward) does not happen that day
			assertThat(cells).isEmpty();
			return;
		}
		assertThat(cells).isNotEmpty().hasSizeLessThanOrEqualTo(50);
		assertThat(cells.get(0).start()).isEqualTo(opens);
		assertThat(cells.get(cells.size() - 1).end()).isEqualTo(closes);
		for (int i = 0; i < cells.size(); i++) {
			HalfHours.Cell cell = cells.get(i);
			assertThat(Duration.between(cell.start(), cell.end())).isPositive().isLessThanOrEqualTo(HalfHours.CELL);
			if (i > 0) {
				assertThat(cell.start()).isEqualTo(cells.get(i - 1).end());
			}
		}
	}

	@Property(tries = 500)
	void severalRangesOfADayGiveTheCellsOfEach(@ForAll("days") LocalDate day, @ForAll("zones") ZoneId zone,
			@ForAll("hours") Hours morning) {
		if (morning.closes().isAfter(LocalTime.of(23, 0))) {
			return;
		}
		Hours evening = new Hours(DayOfWeek.MONDAY, morning.closes().plusMinutes(30), LocalTime.of(23, 59));
		int each = HalfHours.of(day, zone, List.of(morning)).size() + HalfHours.of(day, zone, List.of(evening)).size();
		assertThat(HalfHours.of(day, zone, List.of(morning, evening))).hasSize(each);
	}

	/**
	 * <pre>
	 * Paris, Sunday 29 March 2026, open 00:00–23:59: 02:00–03:00 does not exist
	 *   00:00 ├─ 46 half hours of real time ─┤ 24:00   (not 48)
	 * </pre>
	 */
	@Example
	void roundTheClockOnTheDayClocksGoForwardHas46HalfHours() {
		Hours allDay = new Hours(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(23, 59));
		assertThat(HalfHours.of(LocalDate.of(2026, 3, 29), ZoneId.of("Europe/Paris"), List.of(allDay))).hasSize(46);
		assertThat(HalfHours.of(LocalDate.of(2026, 10, 25), ZoneId.of("Europe/Paris"), List.of(allDay))).hasSize(50);
		assertThat(HalfHours.of(LocalDate.of(2026, 10, 26), ZoneId.of("Europe/Paris"), List.of(allDay))).hasSize(48);
	}

}
