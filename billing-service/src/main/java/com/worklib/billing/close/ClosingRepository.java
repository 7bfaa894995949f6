package com.worklib.billing.close;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Closings and each partner's outcome ({@code closing}, {@code closing_partner}); which
 * partners a closing covers comes from {@code billable_item}, which this package owns
 * too.
 */
@Repository
public class ClosingRepository {

	private final JdbcClient jdbc;

	ClosingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a closing; false when it already exists (a scheduled closing of the month
	 * started by another replica).
	 */
	boolean insert(UUID closingId, YearMonth month, ClosingService.Trigger trigger, Instant at, UUID requestedBy) {
		return this.jdbc
			.sql("""
					INSERT INTO closing (closing_id, month, trigger, requested_at, requested_by) VALUES (:id, :m, :t, :at, :by)
					ON CONFLICT DO NOTHING
					""")
			.param("id", closingId)
			.param("m", month.toString())
			.param("t", trigger.name())
			.param("at", Timestamp.from(at))
			.param("by", requestedBy)
			.update() == 1;
	}

	/**
	 * The partners with something to invoice up to {@code month}, recorded as pending in
	 * the closing.
	 */
	List<UUID> addPartnersToClose(UUID closingId, YearMonth month) {
		return this.jdbc.sql("""
				INSERT INTO closing_partner (closing_id, partner_id, outcome)
				SELECT DISTINCT :id, partner_id, 'PENDING' FROM billable_item
				WHERE service_month <= :m AND amount_excl_minor <> invoiced_excl_minor
				RETURNING partner_id
				""").param("id", closingId).param("m", month.toString()).query(UUID.class).list();
	}

	boolean scheduledStarted(YearMonth month) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM closing WHERE month = :m AND trigger = 'SCHEDULED')")
			.param("m", month.toString())
			.query(Boolean.class)
			.single();
	}

	void record(UUID closingId, UUID partnerId, InvoiceIssuer.Outcome outcome) {
		this.jdbc.sql("""
				UPDATE closing_partner SET outcome = :o, reason = :r, invoice_id = :i
				WHERE closing_id = :c AND partner_id = :p
				""")
			.param("o", outcome.outcome().name())
			.param("r", outcome.reason())
			.param("i", outcome.invoiceId())
			.param("c", closingId)
			.param("p", partnerId)
			.update();
	}

	Optional<ClosingService.Progress> progress(UUID closingId) {
		return this.jdbc.sql("SELECT month FROM closing WHERE closing_id = :id")
			.param("id", closingId)
			.query(String.class)
			.optional()
			.map(month -> {
				List<ClosingService.Skipped> skipped = this.jdbc.sql(
						"SELECT partner_id, reason FROM closing_partner WHERE closing_id = :id AND outcome = 'SKIPPED' ORDER BY partner_id")
					.param("id", closingId)
					.query((rs, i) -> new ClosingService.Skipped(rs.getObject("partner_id", UUID.class),
							rs.getString("reason")))
					.list();
				var counts = this.jdbc.sql("""
						SELECT count(*) AS partners, count(*) FILTER (WHERE outcome = 'INVOICED') AS invoiced,
						  count(*) FILTER (WHERE outcome = 'PENDING') AS pending
						FROM closing_partner WHERE closing_id = :id
						""")
					.param("id", closingId)
					.query((rs,
							i) -> new long[] { rs.getLong("partners"), rs.getLong("invoiced"), rs.getLong("pending") })
					.single();
				return new ClosingService.Progress(closingId, month, counts[0], counts[1], skipped,
						counts[2] > 0 ? ClosingService.Progress.Status.RUNNING : ClosingService.Progress.Status.DONE);
			});
	}

}
