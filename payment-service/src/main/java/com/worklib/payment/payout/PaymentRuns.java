package com.worklib.payment.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Payment runs: each transfers every payout due on its date, a few payouts at a time so
 * the database work of one overlaps the Stripe call of another; the client-side rate
 * limiter, shared by all of them, keeps Stripe's limit. Several replicas or overlapping
 * runs are safe: payouts are leased with {@code SKIP LOCKED}, and a run waits for leases
 * of a crashed run to expire so it leaves nothing behind.
 */
@Service
public class PaymentRuns {

	private static final Logger log = LoggerFactory.getLogger(PaymentRuns.class);

	private static final int BATCH = 20;

	private final JdbcClient jdbc;

	private final PayoutRepository payouts;

	private final PayoutTransfers transfers;

	private final Clock clock;

	private final Duration lease;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "payment-run");
		thread.setDaemon(true);
		return thread;
	});

	private final ExecutorService workers;

	PaymentRuns(JdbcClient jdbc, PayoutRepository payouts, PayoutTransfers transfers, Clock clock,
			@Value("${worklib.payment.lease:60s}") Duration lease,
			@Value("${worklib.payment.run-concurrency:4}") int concurrency) {
		this.jdbc = jdbc;
		this.payouts = payouts;
		this.transfers = transfers;
		this.clock = clock;
		this.lease = lease;
		this.workers = Executors.newFixedThreadPool(concurrency, r -> {
			Thread thread = new Thread(r, "payment-run-worker");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The state of a run; counts grow while it runs. {@code INTERRUPTED}: it was RUNNING
	 * but its replica stopped reporting (crashed); start another run to finish its work.
	 */
	/** Who started a run: ops through the API, or the schedule on the payout date. */
	public enum Trigger {

		OPS, SCHEDULED

	}

	/**
	 * RUNNING, then COMPLETED or FAILED; INTERRUPTED when a RUNNING run's heartbeat
	 * stopped (its replica died), which is never stored.
	 */
	public enum Status {

		RUNNING, COMPLETED, FAILED, INTERRUPTED

	}

	public record Run(UUID runId, LocalDate date, Trigger trigger, Status status, int due, int transferred, int blocked,
			int failed, int retrying, Instant startedAt, Instant finishedAt) {
	}

	/** Whether the scheduled run of {@code date} was started (by any replica). */
	boolean scheduledStarted(LocalDate date) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment_run WHERE run_date = :d AND trigger = 'SCHEDULED')")
			.param("d", date)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Starts a run in the background.
	 * @return the run id; empty when the scheduled run of that date already started
	 */
	public Optional<UUID> start(LocalDate date, Trigger trigger, UUID requestedBy) {
		UUID runId = UUID.randomUUID();
		int inserted = this.jdbc.sql("""
				INSERT INTO payment_run (run_id, run_date, trigger, requested_by, status, started_at, heartbeat_at)
				VALUES (:runId, :date, :trigger, :requestedBy, 'RUNNING', :now, :now)
				ON CONFLICT (run_date) WHERE trigger = 'SCHEDULED' DO NOTHING
				""")
			.param("runId", runId)
			.param("date", date)
			.param("trigger", trigger.name())
			.param("requestedBy", requestedBy)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		this.executor.execute(() -> execute(runId, date));
		return Optional.of(runId);
	}

	public Optional<Run> find(UUID runId) {
		return this.jdbc.sql("SELECT * FROM payment_run WHERE run_id = :id")
			.param("id", runId)
			.query((rs, row) -> new Run(rs.getObject("run_id", UUID.class), rs.getObject("run_date", LocalDate.class),
					Trigger.valueOf(rs.getString("trigger")),
					status(rs.getString("status"), rs.getTimestamp("heartbeat_at").toInstant()), rs.getInt("due"),
					rs.getInt("transferred"), rs.getInt("blocked"), rs.getInt("failed"), rs.getInt("retrying"),
					rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
			.optional();
	}

	private Status status(String stored, Instant heartbeat) {
		boolean silent = heartbeat.plus(this.lease.multipliedBy(3)).isBefore(this.clock.instant());
		return "RUNNING".equals(stored) && silent ? Status.INTERRUPTED : Status.valueOf(stored);
	}

	void execute(UUID runId, LocalDate date) {
		try {
			this.jdbc.sql("UPDATE payment_run SET due = :due WHERE run_id = :id")
				.param("due", this.payouts.countDue(date))
				.param("id", runId)
				.update();
			Instant waitUntil = null;
			while (true) {
				List<Payout> batch = this.payouts.claim(runId, date, BATCH, this.lease);
				if (batch.isEmpty()) {
					if (!this.payouts.othersHoldDue(runId, date)) {
						break;
					}
					// payouts leased by another run, or by a run that died: wait for the
					// lease
					waitUntil = waitUntil == null ? this.clock.instant().plus(this.lease.multipliedBy(2)) : waitUntil;
					if (this.clock.instant().isAfter(waitUntil)) {
						break;
					}
					Thread.sleep(1_000);
					continue;
				}
				List<java.util.concurrent.Future<?>> inFlight = new java.util.ArrayList<>();
				for (Payout payout : batch) {
					inFlight.add(this.workers.submit(() -> count(runId, process(payout, date, runId))));
				}
				for (java.util.concurrent.Future<?> future : inFlight) {
					future.get();
				}
			}
			finish(runId, Status.COMPLETED);
			log.info("Payment run {} for {} completed: {}", runId, date, find(runId).orElseThrow());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			finish(runId, Status.FAILED);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			log.error("Payment run {} for {} failed", runId, date, ex.getCause());
			finish(runId, Status.FAILED);
		}
		catch (RuntimeException ex) {
			log.error("Payment run {} for {} failed", runId, date, ex);
			finish(runId, Status.FAILED);
		}
	}

	private PayoutTransfers.Result process(Payout payout, LocalDate date, UUID runId) {
		try {
			return this.transfers.process(payout, date, runId);
		}
		catch (RuntimeException ex) {
			// the attempt, if any, stays open: the next run repeats it with the same key
			log.error("Payout {} of {} could not be processed", payout.payoutId(), payout.invoiceNumber(), ex);
			return PayoutTransfers.Result.RETRYING;
		}
	}

	private void count(UUID runId, PayoutTransfers.Result result) {
		String column = switch (result) {
			case TRANSFERRED -> "transferred";
			case BLOCKED -> "blocked";
			case FAILED -> "failed";
			case RETRYING -> "retrying";
		};
		this.jdbc
			.sql("UPDATE payment_run SET " + column + " = " + column + " + 1, heartbeat_at = :now WHERE run_id = :id")
			.param("id", runId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	private void finish(UUID runId, Status status) {
		this.jdbc.sql("UPDATE payment_run SET status = :status, finished_at = :now WHERE run_id = :id")
			.param("status", status.name())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", runId)
			.update();
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
		this.workers.shutdownNow();
	}

}
