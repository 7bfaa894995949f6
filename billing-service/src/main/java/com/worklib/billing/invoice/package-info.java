/**
 * Invoices: issue (month-end close of one partner), queries, PDF and Factur-X, payment
 * status from payouts.
 */
package com.worklib.billing.invoice;
