package com.worklib.billing.closing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.billing.invoice.InvoiceIssuer;
import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.ClosePartnerMonth;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.web.ApiException;

/**
 * A closing of a month: one {@link ClosePartnerMonth} command per partner with something
 * to invoice, published through the outbox on {@code billing.close-commands.v1} (12
 * partitions); every replica consumes them in one group, so the close scales with
 * replicas. Progress is the count of partners per outcome.
 */
@Service
public class Closings {

	private final JdbcClient jdbc;

	private final EventPublisher events;

	private final Clock clock;

	Closings(JdbcClient jdbc, EventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts closing {@code month}; refused with 422 while the month has not ended in
	 * Paris. A scheduled closing of a month fans out once, whichever replica fires first
	 * (empty when another one did).
	 */
	@Transactional
	public Optional<UUID> request(YearMonth month, String trigger, UUID requestedBy) {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(InvoiceIssuer.BOOKS));
		if (!YearMonth.from(now).isAfter(month)) {
			throw ApiException.unprocessable("month-not-ended",
					"Month " + month + " has not ended yet (it is " + now.toLocalDate() + " in Paris)");
		}
		UUID closingId = UUID.randomUUID();
		int inserted = this.jdbc
			.sql("""
					INSERT INTO closing (closing_id, month, trigger, requested_at, requested_by) VALUES (:id, :m, :t, :at, :by)
					ON CONFLICT DO NOTHING
					""")
			.param("id", closingId)
			.param("m", month.toString())
			.param("t", trigger)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", requestedBy)
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		List<UUID> partners = this.jdbc.sql("""
				INSERT INTO closing_partner (closing_id, partner_id, outcome)
				SELECT DISTINCT :id, partner_id, 'PENDING' FROM billable_item
				WHERE service_month <= :m AND amount_excl_minor <> invoiced_excl_minor
				RETURNING partner_id
				""").param("id", closingId).param("m", month.toString()).query(UUID.class).list();
		this.events.publishAll(partners.stream()
			.map(partner -> new EventPublisher.OutgoingEvent(Topics.BILLING_CLOSE_COMMANDS, partner.toString(),
					EventTypes.CLOSE_PARTNER_MONTH, partner.toString(),
					new ClosePartnerMonth(closingId, partner, month.toString())))
			.toList());
		return Optional.of(closingId);
	}

	/** Whether the scheduled closing of {@code month} was started (by any replica). */
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
			.param("o", outcome.outcome())
			.param("r", outcome.reason())
			.param("i", outcome.invoiceId())
			.param("c", closingId)
			.param("p", partnerId)
			.update();
	}

	public Optional<Progress> progress(UUID closingId) {
		return this.jdbc.sql("SELECT month FROM closing WHERE closing_id = :id")
			.param("id", closingId)
			.query(String.class)
			.optional()
			.map(month -> {
				List<Skipped> skipped = this.jdbc.sql(
						"SELECT partner_id, reason FROM closing_partner WHERE closing_id = :id AND outcome = 'SKIPPED' ORDER BY partner_id")
					.param("id", closingId)
					.query((rs, i) -> new Skipped(rs.getObject("partner_id", UUID.class), rs.getString("reason")))
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
				return new Progress(closingId, month, counts[0], counts[1], skipped,
						counts[2] > 0 ? "RUNNING" : "DONE");
			});
	}

	public record Progress(UUID closingId, String month, long partners, long invoicesIssued, List<Skipped> skipped,
			String status) {
	}

	public record Skipped(UUID partnerId, String reason) {
	}

}
