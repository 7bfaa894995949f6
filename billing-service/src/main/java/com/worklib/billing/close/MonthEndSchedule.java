package com.worklib.billing.close;

import java.time.Clock;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.worklib.billing.invoice.Invoice;

/**
 * The month-end close is due from 02:00 on the 1st in Paris, by the injected clock (so
 * {@code ./worklib clock set} and tests move it). Every tick (a minute) each replica
 * looks whether the latest due month has its scheduled closing and starts it if not: a
 * replica that was down at 02:00, or a clock moved past the 1st, catches up at the next
 * tick; the closing's unique index makes it start once across replicas. A cron on the
 * JVM's wall clock fired only if a replica happened to be up at that minute.
 */
@Component
@ConditionalOnProperty(name = "worklib.billing.close.schedule-enabled", havingValue = "true", matchIfMissing = true)
class MonthEndSchedule {

	private static final Logger log = LoggerFactory.getLogger(MonthEndSchedule.class);

	static final LocalTime DUE_AT = LocalTime.of(2, 0);

	private final ClosingService closings;

	private final Clock clock;

	MonthEndSchedule(ClosingService closings, Clock clock) {
		this.closings = closings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${worklib.billing.close.tick:60s}",
			initialDelayString = "${worklib.billing.close.tick:60s}")
	void tick() {
		YearMonth due = dueMonth(ZonedDateTime.now(this.clock.withZone(Invoice.BOOKS)));
		try {
			if (!this.closings.scheduledStarted(due)) {
				this.closings.request(due, ClosingService.Trigger.SCHEDULED, null)
					.ifPresent(id -> log.info("Scheduled closing {} of {} started", id, due));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Scheduled closing of {} not started, next tick tries again: {}", due, ex.getMessage());
		}
	}

	/**
	 * The latest month whose close is due at {@code now} (Paris): the previous month from
	 * 02:00 on the 1st, the one before until then.
	 */
	static YearMonth dueMonth(ZonedDateTime now) {
		YearMonth current = YearMonth.from(now);
		boolean pastDueTime = !now.isBefore(current.atDay(1).atTime(DUE_AT).atZone(now.getZone()));
		return current.minusMonths(pastDueTime ? 1 : 2);
	}

}
