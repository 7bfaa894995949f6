package com.worklib.payment.payout;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.worklib.payment.PaymentIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily payment run follows the injected clock: moved to 06:00 on a payout date (as
 * {@code ./worklib clock set} does, or as a replica down at 06:00 finds it), the run
 * starts at the next tick and pays what is due, once.
 */
@TestPropertySource(properties = { "worklib.payment.schedule-enabled=true", "worklib.payment.tick=200ms" })
@DirtiesContext
class PaymentScheduleIT extends PaymentIT {

	/** Years after any other test's payouts: a scheduled run pays everything due. */
	static final LocalDate FEB_10_2031 = LocalDate.of(2031, 2, 10);

	@AfterEach
	void stayInTheFuture() {
		this.clock.set(FEB_10_2031.plusDays(3).atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
	}

	long scheduledRuns(LocalDate date) {
		return this.jdbc.sql("SELECT count(*) FROM payment_run WHERE run_date = :d AND trigger = 'SCHEDULED'")
			.param("d", date)
			.query(Long.class)
			.single();
	}

	@Test
	void aClockMovedToSixOnThePayoutDatePaysTheInvoiceOnceAtTheNextTick() throws Exception {
		Partner partner = partner();
		enabledAccount(partner);
		today(LocalDate.of(2031, 2, 3));
		invoiceIssued(partner, "SCHED-2031-00001", "2031-01", 42_000);
		assertThat(payout(partner).get("plannedDate").asString()).isEqualTo("2031-02-10");

		this.clock.set(OffsetDateTime.parse("2031-02-10T05:58:00+01:00").toInstant());
		Thread.sleep(1_000);
		assertThat(payout(partner).get("status").asString()).as("not due before 06:00").isEqualTo("PLANNED");

		this.clock.set(OffsetDateTime.parse("2031-02-10T06:00:05+01:00").toInstant());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "TRANSFERRED".equals(payout(partner).get("status").asString()));
		Thread.sleep(600);
		assertThat(scheduledRuns(FEB_10_2031)).isEqualTo(1);
		assertThat(transfersOf("SCHED-2031-00001")).hasSize(1);
	}

	@Test
	void theDueDayIsTodayFromSixInParis() {
		ZoneId paris = ZoneId.of("Europe/Paris");
		assertThat(PaymentSchedule.dueDay(OffsetDateTime.parse("2031-02-10T05:59:59+01:00").atZoneSameInstant(paris)))
			.isEqualTo(LocalDate.of(2031, 2, 9));
		assertThat(PaymentSchedule.dueDay(OffsetDateTime.parse("2031-02-10T06:00:00+01:00").atZoneSameInstant(paris)))
			.isEqualTo(FEB_10_2031);
	}

}
