package com.worklib.payment.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
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
		LocalDate plannedDate, LocalDate deadline, PayoutStatus status, String reason, String transferId,
		Instant transferredAt, long version) {

	Payout transferred(String transferId, Instant at) {
		require(PayoutStatus.OPEN, "transfer");
		return new Payout(this.payoutId, this.partnerId, this.invoiceId, this.invoiceNumber, this.amount,
				this.plannedDate, this.deadline, PayoutStatus.TRANSFERRED, null, transferId, at, this.version + 1);
	}

	Payout paid() {
		require(EnumSet.of(PayoutStatus.TRANSFERRED), "mark paid");
		return with(PayoutStatus.PAID, null);
	}

	Payout blocked(String why) {
		require(PayoutStatus.OPEN, "block");
		return with(PayoutStatus.BLOCKED, why);
	}

	/** Still to transfer, with what went wrong last time. */
	Payout retrying(String why) {
		require(PayoutStatus.OPEN, "retry");
		return with(PayoutStatus.PLANNED, why);
	}

	Payout failed(String why) {
		require(EnumSet.of(PayoutStatus.PLANNED, PayoutStatus.BLOCKED, PayoutStatus.TRANSFERRED), "fail");
		return with(PayoutStatus.FAILED, why);
	}

	PayoutPayload payload() {
		return new PayoutPayload(this.payoutId, this.partnerId, this.invoiceId, this.amount.toWire(), this.plannedDate,
				this.status.name(), this.reason, this.transferId, this.version);
	}

	private Payout with(PayoutStatus newStatus, String newReason) {
		return new Payout(this.payoutId, this.partnerId, this.invoiceId, this.invoiceNumber, this.amount,
				this.plannedDate, this.deadline, newStatus, newReason, this.transferId, this.transferredAt,
				this.version + 1);
	}

	private void require(Set<PayoutStatus> from, String action) {
		if (!from.contains(this.status)) {
			throw new IllegalStateException(
					"Cannot " + action + " payout " + this.payoutId + " in status " + this.status);
		}
	}

}
