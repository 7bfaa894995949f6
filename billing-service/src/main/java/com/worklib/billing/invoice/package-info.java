/**
 * Issued invoices: storage and numbering, PDF and Factur-X, payment status from payouts.
 */
package com.worklib.billing.invoice;
