package com.worklib.contracts.billing;

import java.time.Instant;
import java.util.UUID;

import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Versioned;

/**
 * State of a self-billing invoice on {@code billing.invoices.v1}. {@code month} is
 * YYYY-MM; {@code status} is ISSUED, PAID or PAYMENT_FAILED; {@code billingEmail} is
 * where the partner receives invoices.
 */
public record InvoicePayload(UUID invoiceId, UUID partnerId, String number, String month, Instant issuedAt,
		MoneyAmount totalExclVat, MoneyAmount totalVat, MoneyAmount totalInclVat, String status, String billingEmail,
		long version) implements Versioned {
}
