/**
 * The payment provider port and its Stripe adapter: every Stripe call, with retries,
 * circuit breaker and a client-side rate limit.
 */
package com.worklib.payment.provider;
