package com.worklib.contracts.payment;

import java.util.List;
import java.util.UUID;

import com.worklib.contracts.Versioned;

/**
 * Stripe connected account state of a partner on {@code payment.accounts.v1}.
 * {@code status} is NONE, PENDING, ENABLED or RESTRICTED.
 */
public record ConnectedAccountPayload(UUID partnerId, String stripeAccountId, String status, boolean payoutsEnabled,
		List<String> requirementsDue, String disabledReason, long version) implements Versioned {
}
