/**
 * Stripe webhooks: signature checked on the raw body, deduplicated by event id, applied
 * to connected accounts and payouts.
 */
package com.worklib.payment.webhook;
