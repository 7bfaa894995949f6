package com.worklib.booking.booking;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.worklib.booking.catalog.CatalogWorkspace;
import com.worklib.booking.catalog.CatalogWorkspace.Hours;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotRulesTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	static CatalogWorkspace workspace(PriceUnit unit, Hours... hours) {
		return new CatalogWorkspace(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "MEETING_ROOM", "Salle", 8,
				"INSTANT", unit, Money.eur(3500), VatRate.STANDARD_FR, true, PARIS, List.of(hours), 1500);
	}

	static Hours[] weekdays(String opens, String closes) {
		return Arrays.stream(DayOfWeek.values())
			.map(d -> new Hours(d, LocalTime.parse(opens), LocalTime.parse(closes)))
			.toArray(Hours[]::new);
	}

	static Instant at(String offsetDateTime) {
		return OffsetDateTime.parse(offsetDateTime).toInstant();
	}

	/**
	 * <pre>
	 * Paris, open round the clock      Sat 31 Jan 2026 │ Sun 1 Feb 2026
	 * booking                                    23:30 ├──┤ 00:30
	 * UTC                                        22:30     23:30
	 * service date = 2026-01-31, the day it starts, even though it ends in February
	 * </pre>
	 */
	@Test
	void aBookingAcrossMidnightOnTheLastDayOfAMonthBelongsToTheDayItStarts() {
		CatalogWorkspace roundTheClock = workspace(PriceUnit.HOUR, weekdays("00:00", "23:59"));
		var slot = SlotRules.check(roundTheClock, at("2026-01-31T23:30:00+01:00"), at("2026-02-01T00:30:00+01:00"),
				NOW);
		assertThat(slot.serviceDate()).isEqualTo(LocalDate.of(2026, 1, 31));
		assertThat(slot.quantity()).isEqualByComparingTo("1");
	}

	/**
	 * <pre>
	 * Paris, 08:00–19:00 every day
	 * Sat 28 Mar 2026 (UTC+1)   08:00 ├────┤ 10:00    = 07:00Z–09:00Z   2 h
	 * Sun 29 Mar 2026, clocks go 02:00 → 03:00 (UTC+2)
	 *                           08:00 ├────┤ 10:00    = 06:00Z–08:00Z   2 h, still inside 08:00–19:00
	 *                           07:00 ├─┤ 08:00       = 05:00Z–06:00Z   refused: opens at 08:00 local
	 * </pre>
	 */
	@Test
	void openingHoursStayInLocalTimeOnTheDayClocksChange() {
		CatalogWorkspace daytime = workspace(PriceUnit.HOUR, weekdays("08:00", "19:00"));
		assertThat(SlotRules.check(daytime, at("2026-03-28T07:00:00Z"), at("2026-03-28T09:00:00Z"), NOW).quantity())
			.isEqualByComparingTo("2");
		var sunday = SlotRules.check(daytime, at("2026-03-29T06:00:00Z"), at("2026-03-29T08:00:00Z"), NOW);
		assertThat(sunday.quantity()).isEqualByComparingTo("2");
		assertThat(sunday.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 29));
		assertThatThrownBy(() -> SlotRules.check(daytime, at("2026-03-29T05:00:00Z"), at("2026-03-29T06:00:00Z"), NOW))
			.isInstanceOf(BookingRefused.class)
			.hasMessageContaining("not open");
	}

	/**
	 * <pre>
	 * Paris, open round the clock, Sun 25 Oct 2026: clocks go 03:00 → 02:00 (an hour happens twice)
	 * 01:00 local (UTC+2) ├──────────┤ 04:00 local (UTC+1)  = 3 h of wall clock, 4 h of real time
	 * billed: 3 h, as the venue's clock shows
	 * </pre>
	 */
	@Test
	void bookingsAreBilledInVenueWallClockHoursWhenAnHourRepeats() {
		CatalogWorkspace roundTheClock = workspace(PriceUnit.HOUR, weekdays("00:00", "23:59"));
		var slot = SlotRules.check(roundTheClock, at("2026-10-25T01:00:00+02:00"), at("2026-10-25T04:00:00+01:00"),
				NOW);
		assertThat(slot.quantity()).isEqualByComparingTo("3");
	}

	@Test
	void hourlySlotsAreHalfHourAlignedAndAtLeastAnHour() {
		CatalogWorkspace daytime = workspace(PriceUnit.HOUR, weekdays("08:00", "19:00"));
		assertThat(SlotRules.check(daytime, at("2026-02-02T09:30:00+01:00"), at("2026-02-02T12:00:00+01:00"), NOW)
			.quantity()).isEqualByComparingTo(new BigDecimal("2.5"));
		assertThatThrownBy(
				() -> SlotRules.check(daytime, at("2026-02-02T09:15:00+01:00"), at("2026-02-02T11:15:00+01:00"), NOW))
			.hasMessageContaining("30-minute");
		assertThatThrownBy(
				() -> SlotRules.check(daytime, at("2026-02-02T09:00:00+01:00"), at("2026-02-02T09:30:00+01:00"), NOW))
			.hasMessageContaining("at least 1 hour");
		assertThatThrownBy(
				() -> SlotRules.check(daytime, at("2026-02-02T18:00:00+01:00"), at("2026-02-02T20:00:00+01:00"), NOW))
			.hasMessageContaining("not open");
		assertThatThrownBy(
				() -> SlotRules.check(daytime, at("2025-12-02T09:00:00+01:00"), at("2025-12-02T10:00:00+01:00"), NOW))
			.hasMessageContaining("future");
	}

	@Test
	void halfDaysAreTheMorningOrTheAfternoonOfTheOpeningHours() {
		CatalogWorkspace office = workspace(PriceUnit.HALF_DAY, weekdays("08:00", "19:00"));
		// 08:00–19:00 is 11 h: halves split at 13:30
		assertThat(SlotRules.check(office, at("2026-02-02T08:00:00+01:00"), at("2026-02-02T13:30:00+01:00"), NOW)
			.quantity()).isEqualByComparingTo("1");
		assertThat(SlotRules.check(office, at("2026-02-02T13:30:00+01:00"), at("2026-02-02T19:00:00+01:00"), NOW)
			.quantity()).isEqualByComparingTo("1");
		assertThatThrownBy(
				() -> SlotRules.check(office, at("2026-02-02T09:00:00+01:00"), at("2026-02-02T13:30:00+01:00"), NOW))
			.hasMessageContaining("08:00–13:30 or 13:30–19:00");
	}

	@Test
	void daysRunFromOpeningToClosingAndCountOpenDaysOnly() {
		Hours[] weekdaysOnly = Arrays.stream(weekdays("08:00", "19:00"))
			.filter(h -> h.dayOfWeek().getValue() <= 5)
			.toArray(Hours[]::new);
		CatalogWorkspace desk = workspace(PriceUnit.DAY, weekdaysOnly);
		// Fri 6 Feb to Mon 9 Feb: the weekend is not billed
		assertThat(
				SlotRules.check(desk, at("2026-02-06T08:00:00+01:00"), at("2026-02-09T19:00:00+01:00"), NOW).quantity())
			.isEqualByComparingTo("2");
		assertThatThrownBy(
				() -> SlotRules.check(desk, at("2026-02-06T09:00:00+01:00"), at("2026-02-06T19:00:00+01:00"), NOW))
			.hasMessageContaining("from opening");
		assertThatThrownBy(
				() -> SlotRules.check(desk, at("2026-02-02T08:00:00+01:00"), at("2026-03-13T19:00:00+01:00"), NOW))
			.hasMessageContaining("31 days");
	}

}
