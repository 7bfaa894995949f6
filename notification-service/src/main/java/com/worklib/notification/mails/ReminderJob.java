package com.worklib.notification.mails;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues the reminders that are due, by the injected clock (so the dev clock and tests
 * move it), in batches; each is marked sent in the transaction that queues its mail, so
 * it goes once even with several replicas.
 */
@Component
class ReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	static final int BATCH = 50;

	private final BookingReminders reminders;

	private final BookingMails mails;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReminderJob(BookingReminders reminders, BookingMails mails, TransactionTemplate transactions, Clock clock) {
		this.reminders = reminders;
		this.mails = mails;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${worklib.notification.reminder-interval:60s}")
	void remindDue() {
		Integer queued;
		do {
			queued = this.transactions.execute(tx -> {
				Instant now = this.clock.instant();
				List<BookingReminders.Due> due = this.reminders.claimDue(now, BATCH);
				due.forEach(d -> {
					this.mails.remind(d);
					this.reminders.sent(d.bookingId(), now);
				});
				return due.size();
			});
			if (queued != null && queued > 0) {
				log.info("Queued {} booking reminders", queued);
			}
		}
		while (queued != null && queued == BATCH);
	}

}
