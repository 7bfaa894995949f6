package com.worklib.billing.closing;

import java.time.Clock;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.worklib.billing.invoice.InvoiceIssuer;

/** On the 1st at 02:00 in Paris, the previous month is closed (once, across replicas). */
@Component
class MonthEndSchedule {

	private static final Logger log = LoggerFactory.getLogger(MonthEndSchedule.class);

	private final Closings closings;

	private final Clock clock;

	MonthEndSchedule(Closings closings, Clock clock) {
		this.closings = closings;
		this.clock = clock;
	}

	@Scheduled(cron = "${worklib.billing.close.cron:0 0 2 1 * *}", zone = "Europe/Paris")
	void closePreviousMonth() {
		YearMonth previous = YearMonth.now(this.clock.withZone(InvoiceIssuer.BOOKS)).minusMonths(1);
		this.closings.request(previous, "SCHEDULED", null)
			.ifPresentOrElse(id -> log.info("Closing {} of {} started", id, previous),
					() -> log.info("Closing of {} already started by another replica", previous));
	}

}
