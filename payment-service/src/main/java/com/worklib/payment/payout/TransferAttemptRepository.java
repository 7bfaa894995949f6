package com.worklib.payment.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code transfer_attempt} table: an attempt is stored (and committed) before Stripe
 * is called, so a crash leaves it PENDING and the next run repeats it with the same
 * idempotency key.
 */
@Repository
class TransferAttemptRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	TransferAttemptRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An attempt whose outcome is not known yet. */
	record OpenAttempt(UUID attemptId, Instant createdAt, int tries) {
	}

	Optional<OpenAttempt> open(UUID payoutId) {
		return this.jdbc.sql(
				"SELECT attempt_id, created_at, tries FROM transfer_attempt WHERE payout_id = :id AND state = 'PENDING'")
			.param("id", payoutId)
			.query((rs, row) -> new OpenAttempt(rs.getObject("attempt_id", UUID.class),
					rs.getTimestamp("created_at").toInstant(), rs.getInt("tries")))
			.optional();
	}

	/**
	 * @return false when another attempt of the payout is open (another run got there
	 * first)
	 */
	boolean start(UUID attemptId, UUID payoutId, UUID runId) {
		return this.jdbc.sql("""
				INSERT INTO transfer_attempt (attempt_id, payout_id, run_id, state, created_at)
				VALUES (:attemptId, :payoutId, :runId, 'PENDING', :now)
				ON CONFLICT (payout_id) WHERE state = 'PENDING' DO NOTHING
				""")
			.param("attemptId", attemptId)
			.param("payoutId", payoutId)
			.param("runId", runId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	void succeeded(UUID attemptId, String transferId) {
		complete(attemptId, "SUCCEEDED", transferId, null);
	}

	/** Stripe refused: nothing was moved, and this key would only replay the refusal. */
	void refused(UUID attemptId, String error) {
		complete(attemptId, "REFUSED", null, error);
	}

	/** Older than Stripe keeps idempotency keys (24 h) and no transfer carries it. */
	void abandoned(UUID attemptId, String why) {
		complete(attemptId, "ABANDONED", null, why);
	}

	/** Outcome still unknown: the attempt stays open for the next try. */
	void failedTry(UUID attemptId, String error) {
		this.jdbc.sql("UPDATE transfer_attempt SET tries = tries + 1, last_error = :error WHERE attempt_id = :id")
			.param("id", attemptId)
			.param("error", error)
			.update();
	}

	private void complete(UUID attemptId, String state, String transferId, String error) {
		this.jdbc.sql("""
				UPDATE transfer_attempt SET state = :state, transfer_id = :transferId, tries = tries + 1,
				    last_error = :error, completed_at = :now
				WHERE attempt_id = :id
				""")
			.param("id", attemptId)
			.param("state", state)
			.param("transferId", transferId)
			.param("error", error)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
