package com.worklib.booking.booking;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import com.worklib.booking.catalog.CatalogWorkspace;
import com.worklib.booking.catalog.CatalogWorkspace.Hours;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever opening hours the venue API accepts, whatever slot a client sends, on any day
 * (the days clocks change included): the slot rules answer, either with a quantity that a
 * person would agree with or with a 422, never with a loop or another exception.
 */
class SlotRulesPropertiesTest {

	static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

	static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
			ZoneId.of("Australia/Lord_Howe"), ZoneId.of("UTC"));

	@Provide
	Arbitrary<LocalTime> opening() {
		return Arbitraries.integers().between(0, 1438).map(m -> LocalTime.of(m / 60, m % 60));
	}

	@Provide
	Arbitrary<LocalDate> days() {
		return Arbitraries.oneOf(
				Arbitraries.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 3, 8),
						LocalDate.of(2026, 11, 1), LocalDate.of(2026, 4, 5)),
				Arbitraries.integers().between(0, 1500).map(d -> LocalDate.of(2025, 6, 1).plusDays(d)));
	}

	@Provide
	Arbitrary<ZoneId> zones() {
		return Arbitraries.of(ZONES);
	}

	@Provide
	Arbitrary<PriceUnit> units() {
		return Arbitraries.of(PriceUnit.values());
	}

	@Property(tries = 3000)
	void everySlotIsAnsweredWithAQuantityOrARefusal(@ForAll("opening") LocalTime opens,
			@ForAll @IntRange(min = 1, max = 1439) int openMinutes, @ForAll("days") LocalDate day,
			@ForAll("zones") ZoneId zone, @ForAll("units") PriceUnit unit,
			@ForAll @IntRange(min = 0, max = 47) int startHalfHour,
			@ForAll @IntRange(min = -2, max = 24 * 2 * 40) int lengthHalfHours) {
		int closesMinute = Math.min(opens.getHour() * 60 + opens.getMinute() + openMinutes, 1439);
		LocalTime closes = LocalTime.of(closesMinute / 60, closesMinute % 60);
		CatalogWorkspace workspace = workspace(unit, zone, opens, closes);
		LocalDateTime localStart = day.atTime(LocalTime.MIDNIGHT).plusMinutes(30L * startHalfHour);
		Instant start = localStart.atZone(zone).toInstant();
		Instant end = start.plus(Duration.ofMinutes(30L * lengthHalfHours));
		try {
			SlotRules.Slot slot = SlotRules.check(workspace, start, end, NOW);
			assertThat(slot.quantity()).isPositive();
			assertThat(slot.serviceDate()).isEqualTo(LocalDateTime.ofInstant(start, zone).toLocalDate());
			switch (unit) {
				case HOUR -> assertThat(slot.quantity()).isLessThanOrEqualTo(BigDecimal.valueOf(24));
				case HALF_DAY -> assertThat(slot.quantity()).isEqualTo(BigDecimal.ONE);
				case DAY -> assertThat(slot.quantity()).isLessThanOrEqualTo(BigDecimal.valueOf(SlotRules.MAX_DAYS));
			}
		}
		catch (BookingRefused refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
	}

	static CatalogWorkspace workspace(PriceUnit unit, ZoneId zone, LocalTime opens, LocalTime closes) {
		Hours[] week = Arrays.stream(DayOfWeek.values()).map(d -> new Hours(d, opens, closes)).toArray(Hours[]::new);
		return new CatalogWorkspace(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "DESK", "Poste", 4,
				"INSTANT", unit, Money.eur(2000), VatRate.STANDARD_FR, true, zone, List.of(week), 1500);
	}

}
