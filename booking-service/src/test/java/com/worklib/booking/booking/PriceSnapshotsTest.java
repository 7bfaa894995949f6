package com.worklib.booking.booking;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceBreakdown;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.Pricing;
import com.worklib.platform.money.VatRate;

import static org.assertj.core.api.Assertions.assertThat;

/** The event carries the booking's frozen price with the same numbers. */
class PriceSnapshotsTest {

	@Test
	void theSnapshotCarriesTheSameNumbers() {
		PriceBreakdown price = Pricing.price(Money.eur(3500), PriceUnit.HOUR, new BigDecimal("2.50"),
				VatRate.STANDARD_FR, 1500);
		var snapshot = PriceSnapshots.of(price);
		assertThat(snapshot.unit()).isEqualTo("HOUR");
		assertThat(snapshot.quantity()).isEqualTo("2.5");
		assertThat(snapshot.unitPriceExclVat().amountMinor()).isEqualTo(3500);
		assertThat(snapshot.amountExclVat().amountMinor()).isEqualTo(8750);
		assertThat(snapshot.vatRateBps()).isEqualTo(2000);
		assertThat(snapshot.vatAmount().amountMinor()).isEqualTo(1750);
		assertThat(snapshot.amountInclVat().amountMinor()).isEqualTo(10500);
		assertThat(snapshot.platformFee().amountMinor()).isEqualTo(1313);
		assertThat(snapshot.customerAmountInclVat().amountMinor()).isEqualTo(12076);
		assertThat(snapshot.amountInclVat().currency()).isEqualTo("EUR");
	}

}
