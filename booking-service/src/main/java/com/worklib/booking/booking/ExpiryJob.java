package com.worklib.booking.booking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wakes up every 30 s and expires every request that is due by the {@code Clock}:
 * catch-up style, so a stopped service or a moved dev clock never skips one.
 */
@Component
class ExpiryJob {

	private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

	private final BookingService bookings;

	ExpiryJob(BookingService bookings) {
		this.bookings = bookings;
	}

	@Scheduled(fixedDelayString = "${worklib.booking.expiry-interval:30s}", initialDelayString = "10s")
	void run() {
		try {
			int expired;
			do {
				expired = this.bookings.expireDue(100);
				if (expired > 0) {
					log.info("Expired {} unanswered booking requests", expired);
				}
			}
			while (expired == 100);
		}
		catch (RuntimeException ex) {
			log.warn("Expiry run failed, will retry: {}", ex.getMessage());
		}
	}

}
