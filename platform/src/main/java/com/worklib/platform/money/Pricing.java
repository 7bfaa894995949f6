package com.worklib.platform.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The one pricing function of the platform. Every amount a partner or customer sees for a
 * booking comes from here, with one rounding rule: half-up to the minor unit, once per
 * step, per booking line.
 *
 * <pre>
 * amountExclVat         = round(unitPriceExclVat × quantity)              partner price
 * vatAmount             = round(amountExclVat × vatRate)
 * amountInclVat         = amountExclVat + vatAmount                         what the partner is paid
 * platformFee           = round(amountExclVat × platformFeeRate)           excl. VAT
 * customerAmountInclVat = round((amountExclVat + platformFee) × (1 + vatRate))
 * </pre>
 */
public final class Pricing {

	private Pricing() {
	}

	/**
	 * @param unitPriceExclVat the partner price per unit, excluding VAT, as entered
	 * @param quantity units booked: hours in half-hour steps (2.5), half-days or days
	 * @param vatRate the workspace's VAT rate (0 for a partner under the VAT franchise)
	 * @param platformFeeBps the platform fee rate of the partner's contract
	 */
	public static PriceBreakdown price(Money unitPriceExclVat, PriceUnit unit, BigDecimal quantity, VatRate vatRate,
			int platformFeeBps) {
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(vatRate, "vatRate");
		if (!unitPriceExclVat.isPositive()) {
			throw new IllegalArgumentException("unit price must be positive, was " + unitPriceExclVat);
		}
		if (quantity.signum() <= 0) {
			throw new IllegalArgumentException("quantity must be positive, was " + quantity);
		}
		if (platformFeeBps < 0 || platformFeeBps > 10_000) {
			throw new IllegalArgumentException("platform fee must be between 0 and 10000 bps, was " + platformFeeBps);
		}
		if (unit == PriceUnit.HOUR && quantity.multiply(BigDecimal.TWO).stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException("hours are booked in half-hour steps, was " + quantity);
		}
		if (unit != PriceUnit.HOUR && quantity.stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException(unit + " quantities are whole numbers, was " + quantity);
		}
		Money amountExclVat = unitPriceExclVat.times(quantity);
		Money vatAmount = amountExclVat.percentBps(vatRate.bps());
		Money amountInclVat = amountExclVat.plus(vatAmount);
		Money platformFee = amountExclVat.percentBps(platformFeeBps);
		Money customerExclVat = amountExclVat.plus(platformFee);
		Money customerInclVat = customerExclVat.plus(customerExclVat.percentBps(vatRate.bps()));
		return new PriceBreakdown(unit, quantity.stripTrailingZeros(), unitPriceExclVat, amountExclVat, vatRate,
				vatAmount, amountInclVat, platformFee, customerInclVat);
	}

}
