/**
 * payment-service: owns connected accounts, payouts, transfer attempts, the Stripe
 * webhook log; publishes payment.accounts.v1, payment.payouts.v1; consumes
 * billing.invoices.v1, identity.memberships.v1.
 */
package com.worklib.payment;
