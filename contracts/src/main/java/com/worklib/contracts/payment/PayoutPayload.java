package com.worklib.contracts.payment;

import java.time.LocalDate;
import java.util.UUID;

import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Versioned;

/**
 * State of a payout on {@code payment.payouts.v1}. {@code status} is PLANNED,
 * TRANSFERRED, PAID, BLOCKED or FAILED.
 */
public record PayoutPayload(UUID payoutId, UUID partnerId, UUID invoiceId, MoneyAmount amount, LocalDate plannedDate,
		String status, String reason, String transferId, long version) implements Versioned {
}
