package com.worklib.payment.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.worklib.contracts.payment.ConnectedAccountPayload;
import com.worklib.payment.provider.PaymentProvider.AccountState;

/** A partner's Stripe connected account as last reported by Stripe. */
public record ConnectedAccount(UUID partnerId, String stripeAccountId, Status status, boolean payoutsEnabled,
		List<String> requirementsDue, String disabledReason, Instant stripeUpdatedAt, long version) {

	/** Whether Stripe pays this partner out. */
	public enum Status {

		/** Onboarding not finished. */
		PENDING,
		/** Payouts enabled. */
		ENABLED,
		/** Stripe disabled payouts after onboarding (a document expired, …). */
		RESTRICTED

	}

	public static Status status(AccountState state) {
		if (state.payoutsEnabled()) {
			return Status.ENABLED;
		}
		return state.detailsSubmitted() ? Status.RESTRICTED : Status.PENDING;
	}

	/** Why a payout to this account cannot be made now, or null when it can. */
	public String payoutBlocker() {
		if (this.payoutsEnabled) {
			return null;
		}
		String needs = this.requirementsDue.isEmpty() ? ""
				: "; Stripe still needs: " + String.join(", ", this.requirementsDue);
		return (this.status == Status.PENDING ? "Stripe onboarding is not finished"
				: "Stripe restricted payouts" + (this.disabledReason == null ? "" : " (" + this.disabledReason + ")"))
				+ needs;
	}

	public ConnectedAccountPayload payload() {
		return new ConnectedAccountPayload(this.partnerId, this.stripeAccountId, this.status.name(),
				this.payoutsEnabled, this.requirementsDue, this.disabledReason, this.version);
	}

}
