package com.worklib.contracts.billing;

import java.util.UUID;

import com.worklib.contracts.MoneyAmount;

/**
 * A partner's month that the close could not invoice although it had something to
 * invoice, on {@code billing.invoices.v1} as {@code PartnerMonthNotInvoiced}:
 * {@code reason} is BILLING_INFORMATION_MISSING or MANDATE_NOT_ACCEPTED (what the partner
 * must complete), {@code lines} and {@code amountExclVat} what waits to be invoiced.
 * {@code closingId} makes each close's announcement distinct; a re-run of the close
 * announces again.
 */
public record MonthNotInvoicedPayload(UUID partnerId, String month, String reason, int lines, MoneyAmount amountExclVat,
		UUID closingId) {
}
