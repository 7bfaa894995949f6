package com.worklib.payment.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.worklib.contracts.payment.PayoutPayload;
import com.worklib.platform.money.Money;

/**
 * A payout of one invoice's total to its partner, a state machine:
 *
 * <pre>
 * PLANNED ──transfer──▶ TRANSFERRED ──payout.paid──▶ PAID
 *   │  ▲                    │
 *   ▼  │ (account fixed)    └──reversed / payout.failed──▶ FAILED
 * BLOCKED                   PLANNED/BLOCKED ──refused or past deadline──▶ FAILED
 * </pre>
 */
public record Payout(UUID payoutId, UUID partnerId, UUID invoiceId, String invoiceNumber, Money amount,
		LocalDate plannedDate, LocalDate deadline, String status, String reason, String transferId,
		Instant transferredAt, long version) {

	static final Set<String> OPEN = Set.of("PLANNED", "BLOCKED");

	Payout transferred(String transferId, Instant at) {
		require(OPEN, "transfer");
		return new Payout(this.payoutId, this.partnerId, this.invoiceId, this.invoiceNumber, this.amount,
				this.plannedDate, this.deadline, "TRANSFERRED", null, transferId, at, this.version + 1);
	}

	Payout paid() {
		require(Set.of("TRANSFERRED"), "mark paid");
		return with("PAID", null);
	}

	Payout blocked(String why) {
		require(OPEN, "block");
		return with("BLOCKED", why);
	}

	/** Still to transfer, with what went wrong last time. */
	Payout retrying(String why) {
		require(OPEN, "retry");
		return with("PLANNED", why);
	}

	Payout failed(String why) {
		require(Set.of("PLANNED", "BLOCKED", "TRANSFERRED"), "fail");
		return with("FAILED", why);
	}

	PayoutPayload payload() {
		return new PayoutPayload(this.payoutId, this.partnerId, this.invoiceId, this.amount.toWire(), this.plannedDate,
				this.status, this.reason, this.transferId, this.version);
	}

	private Payout with(String newStatus, String newReason) {
		return new Payout(this.payoutId, this.partnerId, this.invoiceId, this.invoiceNumber, this.amount,
				this.plannedDate, this.deadline, newStatus, newReason, this.transferId, this.transferredAt,
				this.version + 1);
	}

	private void require(Set<String> from, String action) {
		if (!from.contains(this.status)) {
			throw new IllegalStateException(
					"Cannot " + action + " payout " + this.payoutId + " in status " + this.status);
		}
	}

}
