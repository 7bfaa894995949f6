package com.worklib.billing.close;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.worklib.billing.BillingIT;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month-end close follows the injected clock: moved past 02:00 on the 1st (as
 * {@code ./worklib clock set} does, or as a replica that was down at 02:00 finds it), the
 * month closes at the next tick, once, whatever the number of replicas ticking.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(BillingIT.Clocks.class)
@TestPropertySource(properties = { "worklib.billing.close.schedule-enabled=true", "worklib.billing.close.tick=200ms" })
@WithPostgres
@WithKafka
@DirtiesContext
class MonthEndScheduleIT extends BillingIT {

	@Autowired
	MonthEndSchedule schedule;

	/**
	 * Not back to real time: on 2026-12 the due month would be a month other tests close
	 * themselves. The context is closed after this class, with its ticking schedule.
	 */
	@AfterEach
	void stayInTheClosedFuture() {
		this.clock.set(OffsetDateTime.parse("2031-03-04T09:00:00+01:00").toInstant());
	}

	long scheduledClosings(String month) {
		return this.jdbc.sql("SELECT count(*) FROM closing WHERE month = :m AND trigger = 'SCHEDULED'")
			.param("m", month)
			.query(Long.class)
			.single();
	}

	@Test
	void aClockMovedPastTwoOnTheFirstClosesThePreviousMonthOnceAtTheNextTick() throws Exception {
		this.clock.set(OffsetDateTime.parse("2031-03-01T01:58:00+01:00").toInstant());
		Thread.sleep(1_000);
		assertThat(scheduledClosings("2031-02")).as("not due before 02:00").isZero();

		this.clock.set(OffsetDateTime.parse("2031-03-01T02:00:05+01:00").toInstant());
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> scheduledClosings("2031-02") == 1);

		// a replica that comes back days later finds it done; two replicas ticking at
		// once
		// start it once
		this.clock.set(OffsetDateTime.parse("2031-03-04T09:00:00+01:00").toInstant());
		List<CompletableFuture<Void>> replicas = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			replicas.add(CompletableFuture.runAsync(this.schedule::tick));
		}
		replicas.forEach(CompletableFuture::join);
		Thread.sleep(600);
		assertThat(scheduledClosings("2031-02")).isEqualTo(1);
	}

	/**
	 * <pre>
	 * Paris    Mar 31 23:59 │ Apr 1 00:00 ── 01:59 │ 02:00 ──────────▶
	 * due      February     │ February             │ March
	 * </pre>
	 */
	@Test
	void theDueMonthIsThePreviousOneFromTwoOnTheFirstInParis() {
		assertThat(MonthEndSchedule.dueMonth(OffsetDateTime.parse("2031-04-01T01:59:59+02:00")
			.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")))).isEqualTo(YearMonth.of(2031, 2));
		assertThat(MonthEndSchedule.dueMonth(OffsetDateTime.parse("2031-04-01T02:00:00+02:00")
			.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")))).isEqualTo(YearMonth.of(2031, 3));
		assertThat(MonthEndSchedule.dueMonth(OffsetDateTime.parse("2031-03-31T23:59:00+02:00")
			.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")))).isEqualTo(YearMonth.of(2031, 2));
	}

}
