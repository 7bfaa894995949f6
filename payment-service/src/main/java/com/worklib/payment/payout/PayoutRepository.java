package com.worklib.payment.payout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.worklib.platform.money.Money;

/** The {@code payout} table. */
@Repository
public class PayoutRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	PayoutRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return false when the invoice already has its payout
	 */
	boolean insert(Payout payout) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				INSERT INTO payout (payout_id, partner_id, invoice_id, invoice_number, amount_minor, currency,
				    planned_date, deadline, status, version, created_at, updated_at)
				VALUES (:payoutId, :partnerId, :invoiceId, :number, :amount, :currency, :planned, :deadline,
				    :status, :version, :now, :now)
				ON CONFLICT (invoice_id) DO NOTHING
				""")
			.param("payoutId", payout.payoutId())
			.param("partnerId", payout.partnerId())
			.param("invoiceId", payout.invoiceId())
			.param("number", payout.invoiceNumber())
			.param("amount", payout.amount().amountMinor())
			.param("currency", payout.amount().currency().getCurrencyCode())
			.param("planned", payout.plannedDate())
			.param("deadline", payout.deadline())
			.param("status", payout.status().name())
			.param("version", payout.version())
			.param("now", now)
			.update() == 1;
	}

	Optional<Payout> find(UUID payoutId) {
		return this.jdbc.sql("SELECT * FROM payout WHERE payout_id = :id")
			.param("id", payoutId)
			.query(PayoutRepository::map)
			.optional();
	}

	Optional<Payout> findByTransfer(String transferId) {
		return this.jdbc.sql("SELECT * FROM payout WHERE transfer_id = :id")
			.param("id", transferId)
			.query(PayoutRepository::map)
			.optional();
	}

	public List<Payout> ofPartner(UUID partnerId) {
		return this.jdbc
			.sql("SELECT * FROM payout WHERE partner_id = :partnerId ORDER BY planned_date DESC, invoice_number DESC")
			.param("partnerId", partnerId)
			.query(PayoutRepository::map)
			.list();
	}

	/**
	 * Transferred payouts of a connected account that a bank payout created at
	 * {@code until} covers.
	 */
	List<Payout> transferredTo(String stripeAccountId, java.time.Instant until) {
		return this.jdbc.sql("""
				SELECT p.* FROM payout p JOIN connected_account a ON a.partner_id = p.partner_id
				WHERE a.stripe_account_id = :account AND p.status = 'TRANSFERRED' AND p.transferred_at <= :until
				ORDER BY p.transferred_at
				""")
			.param("account", stripeAccountId)
			.param("until", Timestamp.from(until))
			.query(PayoutRepository::map)
			.list();
	}

	/** Saves a transition; a concurrent change in between is refused. */
	void save(Payout payout) {
		int updated = this.jdbc.sql("""
				UPDATE payout SET status = :status, reason = :reason, transfer_id = :transferId,
				    transferred_at = :transferredAt, version = :version, updated_at = :now
				WHERE payout_id = :payoutId AND version = :previous
				""")
			.param("payoutId", payout.payoutId())
			.param("status", payout.status().name())
			.param("reason", payout.reason())
			.param("transferId", payout.transferId())
			.param("transferredAt", payout.transferredAt() == null ? null : Timestamp.from(payout.transferredAt()))
			.param("version", payout.version())
			.param("previous", payout.version() - 1)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Payout " + payout.payoutId() + " changed concurrently");
		}
	}

	long countDue(LocalDate date) {
		return this.jdbc
			.sql("SELECT count(*) FROM payout WHERE planned_date <= :date AND status IN ('PLANNED', 'BLOCKED')")
			.param("date", date)
			.query(Long.class)
			.single();
	}

	/**
	 * Leases up to {@code limit} due payouts this run has not handled yet and no other
	 * run holds.
	 */
	List<Payout> claim(UUID runId, LocalDate date, int limit, Duration lease) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				UPDATE payout SET lease_until = :leaseUntil, last_run_id = :runId
				WHERE payout_id IN (
				    SELECT payout_id FROM payout
				    WHERE planned_date <= :date AND status IN ('PLANNED', 'BLOCKED')
				      AND last_run_id IS DISTINCT FROM :runId AND (lease_until IS NULL OR lease_until < :now)
				    ORDER BY planned_date, payout_id LIMIT :limit FOR UPDATE SKIP LOCKED)
				RETURNING *
				""")
			.param("leaseUntil", Timestamp.from(this.clock.instant().plus(lease)))
			.param("runId", runId)
			.param("date", date)
			.param("now", now)
			.param("limit", limit)
			.query(PayoutRepository::map)
			.list();
	}

	/** Whether due payouts this run has not handled are still leased by another run. */
	boolean othersHoldDue(UUID runId, LocalDate date) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM payout WHERE planned_date <= :date AND status IN ('PLANNED', 'BLOCKED')
				    AND last_run_id IS DISTINCT FROM :runId AND lease_until >= :now)
				""")
			.param("date", date)
			.param("runId", runId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Boolean.class)
			.single();
	}

	void release(UUID payoutId) {
		this.jdbc.sql("UPDATE payout SET lease_until = NULL WHERE payout_id = :id").param("id", payoutId).update();
	}

	private static Payout map(ResultSet rs, int row) throws SQLException {
		Timestamp transferredAt = rs.getTimestamp("transferred_at");
		return new Payout(rs.getObject("payout_id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getObject("invoice_id", UUID.class), rs.getString("invoice_number"),
				Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
				rs.getObject("planned_date", LocalDate.class), rs.getObject("deadline", LocalDate.class),
				PayoutStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("transfer_id"),
				transferredAt == null ? null : transferredAt.toInstant(), rs.getLong("version"));
	}

}
