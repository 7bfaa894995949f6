/**
 * PayoutRepository: planned from issued invoices for the 10th–15th of the next month,
 * paid by the daily payment run through Stripe transfers, settled by Stripe webhooks.
 */
package com.worklib.payment.payout;
