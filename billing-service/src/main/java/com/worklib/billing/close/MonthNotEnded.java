package com.worklib.billing.close;

import java.time.LocalDate;
import java.time.YearMonth;

import com.worklib.platform.domain.RuleViolationException;

/** A month is closed once it has ended in Paris, not before. */
public class MonthNotEnded extends RuleViolationException {

	MonthNotEnded(YearMonth month, LocalDate today) {
		super("month-not-ended", "Month " + month + " has not ended yet (it is " + today + " in Paris)");
	}

}
