package com.worklib.payment.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.worklib.contracts.payment.ConnectedAccountPayload;
import com.worklib.payment.provider.PaymentProvider.AccountState;

/**
 * A partner's Stripe connected account as last reported by Stripe. {@code status} is
 * PENDING (onboarding not finished), ENABLED (payouts enabled) or RESTRICTED (Stripe
 * disabled payouts after onboarding, e.g. a document expired).
 */
public record ConnectedAccount(UUID partnerId, String stripeAccountId, String status, boolean payoutsEnabled,
		List<String> requirementsDue, String disabledReason, Instant stripeUpdatedAt, long version) {

	public static String status(AccountState state) {
		if (state.payoutsEnabled()) {
			return "ENABLED";
		}
		return state.detailsSubmitted() ? "RESTRICTED" : "PENDING";
	}

	/** Why a payout to this account cannot be made now, or null when it can. */
	public String payoutBlocker() {
		if (this.payoutsEnabled) {
			return null;
		}
		String needs = this.requirementsDue.isEmpty() ? ""
				: "; Stripe still needs: " + String.join(", ", this.requirementsDue);
		return ("PENDING".equals(this.status) ? "Stripe onboarding is not finished"
				: "Stripe restricted payouts" + (this.disabledReason == null ? "" : " (" + this.disabledReason + ")"))
				+ needs;
	}

	public ConnectedAccountPayload payload() {
		return new ConnectedAccountPayload(this.partnerId, this.stripeAccountId, this.status, this.payoutsEnabled,
				this.requirementsDue, this.disabledReason, this.version);
	}

}
