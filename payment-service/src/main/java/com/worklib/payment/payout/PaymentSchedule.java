package com.worklib.payment.payout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily payment run is due from 06:00 in Paris, by the injected clock. Every tick (a
 * minute) each replica looks whether the latest due day has its scheduled run and starts
 * it if not: a replica down at 06:00, or a clock moved to a payout date, catches up at
 * the next tick, and the run's unique index makes it start once across replicas.
 */
@Component
@ConditionalOnProperty(name = "worklib.payment.schedule-enabled", havingValue = "true", matchIfMissing = true)
class PaymentSchedule {

	private static final Logger log = LoggerFactory.getLogger(PaymentSchedule.class);

	static final LocalTime DUE_AT = LocalTime.of(6, 0);

	private final PaymentRuns runs;

	private final Clock clock;

	PaymentSchedule(PaymentRuns runs, Clock clock) {
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${worklib.payment.tick:60s}", initialDelayString = "${worklib.payment.tick:60s}")
	void tick() {
		LocalDate due = dueDay(ZonedDateTime.now(this.clock.withZone(PayoutCalendar.PARIS)));
		try {
			if (!this.runs.scheduledStarted(due)) {
				this.runs.start(due, PaymentRuns.Trigger.SCHEDULED, null)
					.ifPresent(id -> log.info("Scheduled payment run {} for {} started", id, due));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Scheduled payment run for {} not started, next tick tries again: {}", due, ex.getMessage());
		}
	}

	/** The latest day whose run is due at {@code now} (Paris): today from 06:00. */
	static LocalDate dueDay(ZonedDateTime now) {
		return now.toLocalTime().isBefore(DUE_AT) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
	}

}
