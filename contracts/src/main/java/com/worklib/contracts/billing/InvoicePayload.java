package com.worklib.contracts.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Versioned;

/**
 * State of a self-billing invoice on {@code billing.invoices.v1}. {@code month} is
 * YYYY-MM; {@code status} is ISSUED, PAID or PAYMENT_FAILED; {@code billingEmail} is
 * where the partner receives invoices; {@code lines} (added 2026-12, absent before) are
 * the invoice's lines as the API returns them.
 */
public record InvoicePayload(UUID invoiceId, UUID partnerId, String number, String month, Instant issuedAt,
		MoneyAmount totalExclVat, MoneyAmount totalVat, MoneyAmount totalInclVat, String status, String billingEmail,
		long version, List<Line> lines) implements Versioned {

	/** An invoice as events carried it before its lines were added. */
	public InvoicePayload(UUID invoiceId, UUID partnerId, String number, String month, Instant issuedAt,
			MoneyAmount totalExclVat, MoneyAmount totalVat, MoneyAmount totalInclVat, String status,
			String billingEmail, long version) {
		this(invoiceId, partnerId, number, month, issuedAt, totalExclVat, totalVat, totalInclVat, status, billingEmail,
				version, null);
	}

	/**
	 * One line: a booking of the month, a late-cancellation fee, or a regularisation of
	 * an earlier invoice ({@code regularisesNumber}); {@code unit}, {@code quantity} (a
	 * decimal as text, like the booking's) and {@code unitPriceExclVat} are null on
	 * regularisations.
	 */
	public record Line(int lineNo, UUID bookingId, LocalDate serviceDate, String kind, MoneyAmount amountExclVat,
			int vatRateBps, String regularisesNumber, String unit, String quantity, MoneyAmount unitPriceExclVat) {
	}

}
