package com.worklib.billing.invoice;

/**
 * Whether the partner was paid what an invoice says, as payment-service's payouts tell
 * it. {@link Invoice#paid()} and {@link Invoice#paymentFailed(String)} are the
 * transitions.
 *
 * <pre>
 * ISSUED ──payout paid──▶ PAID
 *   │                      │ ▲
 *   └──payout failed──▶ PAYMENT_FAILED (a paid payout can still fail: the bank returns it)
 * </pre>
 */
public enum InvoiceStatus {

	/** Issued at the close; its payout is planned. */
	ISSUED,
	/** Stripe paid the partner's bank. */
	PAID,
	/** The payout failed for good; the reason is kept. */
	PAYMENT_FAILED

}
