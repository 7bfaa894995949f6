package com.worklib.platform.money;

import java.math.BigDecimal;

/**
 * The price of one booking line, computed once by {@link Pricing} and frozen with the
 * booking. {@code amountExclVat} is the partner's amount excluding VAT: the same number
 * on the booking, in the bookings table, on the billable item and on the invoice line.
 * {@code vatAmount} and {@code amountInclVat} are this line's VAT taken alone, indicative
 * only: the invoice computes VAT per rate on the sum of its lines (EN 16931, ADR 10),
 * which is the amount the partner is paid and can differ from the sum of these by a few
 * cents. {@code platformFee} and {@code customerAmountInclVat} are shown to customers
 * only. How a service puts it on the wire is that service's business (booking-service's
 * event carries it as its own snapshot).
 */
public record PriceBreakdown(PriceUnit unit, BigDecimal quantity, Money unitPriceExclVat, Money amountExclVat,
		VatRate vatRate, Money vatAmount, Money amountInclVat, Money platformFee, Money customerAmountInclVat) {

	/** The same line without what only customers may see. */
	public PriceBreakdown partnerView() {
		return new PriceBreakdown(this.unit, this.quantity, this.unitPriceExclVat, this.amountExclVat, this.vatRate,
				this.vatAmount, this.amountInclVat, null, null);
	}

}
