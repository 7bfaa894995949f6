package com.worklib.platform.money;

import java.math.BigDecimal;

import com.worklib.contracts.booking.BookingPayload.PriceSnapshot;

/**
 * The price of one booking line, computed once by {@link Pricing} and stored as an
 * immutable snapshot. Partner amounts ({@code amountExclVat}, {@code vatAmount},
 * {@code amountInclVat}) are what the partner is paid and invoiced; {@code platformFee}
 * and {@code customerAmountInclVat} are shown to customers only.
 */
public record PriceBreakdown(PriceUnit unit, BigDecimal quantity, Money unitPriceExclVat, Money amountExclVat,
		VatRate vatRate, Money vatAmount, Money amountInclVat, Money platformFee, Money customerAmountInclVat) {

	public PriceSnapshot toSnapshot() {
		return new PriceSnapshot(this.unit.name(), this.quantity.toPlainString(), this.unitPriceExclVat.toWire(),
				this.amountExclVat.toWire(), this.vatRate.bps(), this.vatAmount.toWire(), this.amountInclVat.toWire(),
				this.platformFee.toWire(), this.customerAmountInclVat.toWire());
	}

	/** The same line without what only customers may see. */
	public PriceBreakdown partnerView() {
		return new PriceBreakdown(this.unit, this.quantity, this.unitPriceExclVat, this.amountExclVat, this.vatRate,
				this.vatAmount, this.amountInclVat, null, null);
	}

}
