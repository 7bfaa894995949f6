package com.worklib.billing.close;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.billing.invoice.Invoice;
import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.ClosePartnerMonth;
import com.worklib.platform.messaging.EventPublisher;

/**
 * A closing of a month: one {@link ClosePartnerMonth} command per partner with something
 * to invoice, published through the outbox on {@code billing.close-commands.v1} (12
 * partitions); every replica consumes them in one group, so the close scales with
 * replicas. Progress is the count of partners per outcome.
 */
@Service
public class ClosingService {

	private final ClosingRepository closings;

	private final EventPublisher events;

	private final Clock clock;

	ClosingService(ClosingRepository closings, EventPublisher events, Clock clock) {
		this.closings = closings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts closing {@code month}; refused ({@link MonthNotEnded}) while the month has
	 * not ended in Paris. A scheduled closing of a month fans out once, whichever replica
	 * fires first (empty when another one did).
	 */
	@Transactional
	public Optional<UUID> request(YearMonth month, Trigger trigger, UUID requestedBy) {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(Invoice.BOOKS));
		if (!YearMonth.from(now).isAfter(month)) {
			throw new MonthNotEnded(month, now.toLocalDate());
		}
		UUID closingId = UUID.randomUUID();
		if (!this.closings.insert(closingId, month, trigger, this.clock.instant(), requestedBy)) {
			return Optional.empty();
		}
		List<UUID> partners = this.closings.addPartnersToClose(closingId, month);
		this.events.publishAll(partners.stream()
			.map(partner -> new EventPublisher.OutgoingEvent(Topics.BILLING_CLOSE_COMMANDS, partner.toString(),
					EventTypes.CLOSE_PARTNER_MONTH, partner.toString(),
					new ClosePartnerMonth(closingId, partner, month.toString())))
			.toList());
		return Optional.of(closingId);
	}

	/** Whether the scheduled closing of {@code month} was started (by any replica). */
	boolean scheduledStarted(YearMonth month) {
		return this.closings.scheduledStarted(month);
	}

	void record(UUID closingId, UUID partnerId, InvoiceIssuer.Outcome outcome) {
		this.closings.record(closingId, partnerId, outcome);
	}

	public Optional<Progress> progress(UUID closingId) {
		return this.closings.progress(closingId);
	}

	/** Who asked for a closing: ops through the API, or the month-end schedule. */
	public enum Trigger {

		OPS, SCHEDULED

	}

	/** How far a closing is: RUNNING while a partner is pending, then DONE. */
	public record Progress(UUID closingId, String month, long partners, long invoicesIssued, List<Skipped> skipped,
			Status status) {

		public enum Status {

			RUNNING, DONE

		}

	}

	public record Skipped(UUID partnerId, String reason) {
	}

}
