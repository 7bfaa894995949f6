/**
 * billing-service: owns billing profiles, self-billing mandates, billable items,
 * invoices, invoice series, closings; publishes billing.invoices.v1,
 * billing.close-commands.v1 (internal); consumes booking.bookings.v1, payment.payouts.v1,
 * venue.partners.v1, identity.memberships.v1.
 */
package com.worklib.billing;
