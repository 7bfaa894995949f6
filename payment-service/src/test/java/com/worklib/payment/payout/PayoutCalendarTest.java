package com.worklib.payment.payout;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payout dates. The window is the 10th–15th of the month after the service month:
 *
 * <pre>
 *  service month        payout month
 *  |--- December 2025 ---|--- January 2026 --------------------------------|
 *                         1 ...  9 [10 Sat][11 Sun][12 Mon] 13  14  15 | 16
 *                                              planned: ^^^^^^^^^
 * </pre>
 */
class PayoutCalendarTest {

	final PayoutCalendar calendar = new PayoutCalendar();

	@Test
	void paysOnTheTenthWhenItIsABusinessDay() {
		// 10 July 2026 is a Friday; 14 July (Fête nationale) is inside the window but not
		// reached
		assertThat(this.calendar.plannedDate(YearMonth.of(2026, 6), LocalDate.of(2026, 7, 1)))
			.isEqualTo(LocalDate.of(2026, 7, 10));
	}

	@Test
	void movesATenthOnASaturdayToMonday() {
		assertThat(LocalDate.of(2026, 1, 10).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
		assertThat(this.calendar.plannedDate(YearMonth.of(2025, 12), LocalDate.of(2026, 1, 1)))
			.isEqualTo(LocalDate.of(2026, 1, 12));
	}

	@Test
	void movesATenthOnASundayToMonday() {
		assertThat(LocalDate.of(2026, 5, 10).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
		assertThat(this.calendar.plannedDate(YearMonth.of(2026, 4), LocalDate.of(2026, 5, 1)))
			.isEqualTo(LocalDate.of(2026, 5, 11));
	}

	@Test
	void skipsArmisticeDayAfterASunday() {
		// |[10 Sun][11 Mon: 11 November][12 Tue] 13 14 15|
		assertThat(this.calendar.plannedDate(YearMonth.of(2024, 10), LocalDate.of(2024, 11, 1)))
			.isEqualTo(LocalDate.of(2024, 11, 12));
	}

	@Test
	void skipsBastilleDayAfterAWeekend() {
		// |[14 Fri: Fête nationale][15 Sat][16 Sun][17 Mon]| (July 2023)
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 7, 14))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 11, 11))).isFalse();
		assertThat(this.calendar.nextBusinessDay(LocalDate.of(2023, 7, 14))).isEqualTo(LocalDate.of(2023, 7, 17));
	}

	@Test
	void paysALateInvoiceOnTheNextBusinessDayAndRetriesItFiveDays() {
		// October's invoice issued on Saturday 21 November 2026, after the window closed
		LocalDate planned = this.calendar.plannedDate(YearMonth.of(2026, 10), LocalDate.of(2026, 11, 21));

		assertThat(planned).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(this.calendar.deadline(planned)).isEqualTo(LocalDate.of(2026, 11, 28));
		assertThat(this.calendar.deadline(LocalDate.of(2026, 1, 12))).isEqualTo(LocalDate.of(2026, 1, 15));
	}

}
