package com.worklib.platform.money;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins the one rounding rule: half-up to the cent, once per step, per booking line. A
 * change in any row changes what partners are paid and invoiced.
 */
class PricingTest {

	@ParameterizedTest(name = "{0} × {2} {1} at {3} bps VAT, fee {4} bps")
	@CsvSource(textBlock = """
			# unit price, unit, qty, VAT bps, fee bps -> excl, VAT, incl, fee, customer incl
			  3500,  HOUR,     2.5, 2000, 1500,  8750, 1750, 10500, 1313, 12076
			  1999,  HOUR,     1,   2000, 1500,  1999,  400,  2399,  300,  2759
			  1999,  HOUR,     1.5, 2000, 1500,  2999,  600,  3599,  450,  4139
			  1333,  HOUR,     0.5, 2000, 1000,   667,  133,   800,   67,   881
			  4999,  HALF_DAY, 1,   1000, 1500,  4999,  500,  5499,  750,  6324
			  4999,  DAY,      3,    550, 1500, 14997,  825, 15822, 2250, 18196
			  2501,  DAY,      1,    550,  800,  2501,  138,  2639,  200,  2850
			  1001,  HOUR,     1,    210, 1500,  1001,   21,  1022,  150,  1175
			 12345,  DAY,      2,      0, 1500, 24690,    0, 24690, 3704, 28394
			     1,  HOUR,     0.5, 2000,    0,     1,    0,     1,    0,     1
			  2999,  HOUR,     7.5, 2000, 1250, 22493, 4499, 26992, 2812, 30366
			""")
	void computesEveryAmountOfABookingLineWithHalfUpRounding(long unitPrice, PriceUnit unit, String quantity,
			int vatBps, int feeBps, long exclVat, long vat, long inclVat, long fee, long customerInclVat) {
		PriceBreakdown price = Pricing.price(Money.eur(unitPrice), unit, new BigDecimal(quantity), new VatRate(vatBps),
				feeBps);

		assertThat(price.amountExclVat()).isEqualTo(Money.eur(exclVat));
		assertThat(price.vatAmount()).isEqualTo(Money.eur(vat));
		assertThat(price.amountInclVat()).isEqualTo(Money.eur(inclVat));
		assertThat(price.platformFee()).isEqualTo(Money.eur(fee));
		assertThat(price.customerAmountInclVat()).isEqualTo(Money.eur(customerInclVat));
		assertThat(price.amountInclVat()).isEqualTo(price.amountExclVat().plus(price.vatAmount()));
	}

	@Test
	void partnerViewHidesTheFeeAndTheCustomerPrice() {
		PriceBreakdown price = Pricing.price(Money.eur(3500), PriceUnit.HOUR, new BigDecimal("2"), VatRate.STANDARD_FR,
				1500);
		PriceBreakdown partner = price.partnerView();
		assertThat(partner.platformFee()).isNull();
		assertThat(partner.customerAmountInclVat()).isNull();
		assertThat(partner.amountInclVat()).isEqualTo(Money.eur(8400));
	}

	@Test
	void refusesQuantitiesThatAreNotBookable() {
		assertThatThrownBy(
				() -> Pricing.price(Money.eur(3500), PriceUnit.HOUR, new BigDecimal("1.25"), VatRate.STANDARD_FR, 1500))
			.hasMessageContaining("half-hour");
		assertThatThrownBy(
				() -> Pricing.price(Money.eur(3500), PriceUnit.DAY, new BigDecimal("1.5"), VatRate.STANDARD_FR, 1500))
			.hasMessageContaining("whole");
		assertThatThrownBy(() -> Pricing.price(Money.eur(0), PriceUnit.DAY, BigDecimal.ONE, VatRate.STANDARD_FR, 1500))
			.hasMessageContaining("positive");
	}

}
