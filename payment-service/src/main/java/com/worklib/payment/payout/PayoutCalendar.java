package com.worklib.payment.payout;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * When partners are paid (DESIGN §5): on the 10th of the month after the service month,
 * moved to the next French business day, never after the 15th. An invoice issued too late
 * for that window (its partner completed billing information weeks later) is paid on the
 * next business day. Payment days are Paris dates.
 */
public final class PayoutCalendar {

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final int PAYOUT_DAY = 10;

	static final int LAST_PAYOUT_DAY = 15;

	/**
	 * Days a retryable failure keeps retrying when a late payout starts after the 15th.
	 */
	static final int LATE_RETRY_DAYS = 5;

	private final HolidayManager holidays = HolidayManager
		.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));

	/** Monday to Friday, and not a national public holiday in France. */
	public boolean isBusinessDay(LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !this.holidays.isHoliday(date);
	}

	public LocalDate nextBusinessDay(LocalDate from) {
		LocalDate date = from;
		while (!isBusinessDay(date)) {
			date = date.plusDays(1);
		}
		return date;
	}

	/**
	 * @param serviceMonth the invoice's month
	 * @param today the Paris date the invoice is issued on
	 */
	public LocalDate plannedDate(YearMonth serviceMonth, LocalDate today) {
		YearMonth payoutMonth = serviceMonth.plusMonths(1);
		LocalDate inWindow = nextBusinessDay(payoutMonth.atDay(PAYOUT_DAY));
		if (inWindow.isAfter(payoutMonth.atDay(LAST_PAYOUT_DAY))) {
			// cannot happen with the French calendar (six days, at most two holidays and
			// a weekend)
			inWindow = payoutMonth.atDay(LAST_PAYOUT_DAY);
		}
		return today.isAfter(inWindow) ? nextBusinessDay(today) : inWindow;
	}

	/** The last day a retryable failure is retried before the payout fails for ops. */
	public LocalDate deadline(LocalDate plannedDate) {
		LocalDate fifteenth = plannedDate.withDayOfMonth(LAST_PAYOUT_DAY);
		return plannedDate.isAfter(fifteenth) ? plannedDate.plusDays(LATE_RETRY_DAYS) : fifteenth;
	}

}
