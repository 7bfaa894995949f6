package com.worklib.payment.payout;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every day at 06:00 in Paris, one replica starts the day's payment run. */
@Component
class PaymentSchedule {

	private static final Logger log = LoggerFactory.getLogger(PaymentSchedule.class);

	private final PaymentRuns runs;

	private final Clock clock;

	PaymentSchedule(PaymentRuns runs, Clock clock) {
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${worklib.payment.run-cron:0 0 6 * * *}", zone = "Europe/Paris")
	void runToday() {
		LocalDate today = LocalDate.now(this.clock.withZone(PayoutCalendar.PARIS));
		this.runs.start(today, "SCHEDULED", null)
			.ifPresentOrElse(id -> log.info("Payment run {} for {} started", id, today),
					() -> log.info("Payment run for {} already started by another replica", today));
	}

}
