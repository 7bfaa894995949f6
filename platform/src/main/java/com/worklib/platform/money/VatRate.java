package com.worklib.platform.money;

import java.util.Set;

/**
 * A VAT rate in basis points ({@code 2000} = 20 %). French rates are 0, 2.1, 5.5, 10 and
 * 20 %.
 */
public record VatRate(int bps) {

	public static final Set<Integer> FRENCH_RATES = Set.of(0, 210, 550, 1000, 2000);

	public static final VatRate ZERO = new VatRate(0);

	public static final VatRate STANDARD_FR = new VatRate(2000);

	public VatRate {
		if (bps < 0 || bps > 10_000) {
			throw new IllegalArgumentException("VAT rate must be between 0 and 10000 basis points, was " + bps);
		}
	}

	public boolean isFrench() {
		return FRENCH_RATES.contains(this.bps);
	}

}
