package com.worklib.payment.payout;

import java.util.EnumSet;
import java.util.Set;

/** Where a payout stands; {@link Payout} says which transitions are allowed. */
public enum PayoutStatus {

	/** Due on its planned date, or retried after a transfer that went wrong. */
	PLANNED,
	/** Waiting for the partner: no enabled Stripe account, or payouts disabled. */
	BLOCKED,
	/** Stripe accepted the transfer to the partner's connected account. */
	TRANSFERRED,
	/** Stripe paid the partner's bank. */
	PAID,
	/** Refused, reversed, or still blocked past its deadline. */
	FAILED;

	/** Still to transfer. */
	static final Set<PayoutStatus> OPEN = EnumSet.of(PLANNED, BLOCKED);

}
