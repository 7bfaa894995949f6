package com.worklib.platform.money;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

	@Test
	void refusesToAddDifferentCurrencies() {
		assertThatThrownBy(() -> Money.eur(100).plus(Money.of(100, "CHF"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("EUR")
			.hasMessageContaining("CHF");
	}

	@Test
	void roundsHalfUpToTheMinorUnit() {
		assertThat(Money.eur(5).times(new BigDecimal("0.5"))).isEqualTo(Money.eur(3));
		assertThat(Money.eur(1).percentBps(4999)).isEqualTo(Money.eur(0));
		assertThat(Money.eur(1).percentBps(5000)).isEqualTo(Money.eur(1));
		assertThat(Money.eur(-5).times(new BigDecimal("0.5"))).isEqualTo(Money.eur(-3));
	}

	@Test
	void printsInMajorUnits() {
		assertThat(Money.eur(123456)).hasToString("1234.56 EUR");
		assertThat(Money.of(500, "JPY")).hasToString("500 JPY");
	}

	@Test
	void roundTripsThroughTheWireForm() {
		assertThat(Money.from(Money.eur(4500).toWire())).isEqualTo(Money.eur(4500));
	}

	@Test
	void vatRatesAreBasisPointsBetweenZeroAndOneHundredPercent() {
		assertThat(new VatRate(550).isFrench()).isTrue();
		assertThat(new VatRate(1900).isFrench()).isFalse();
		assertThatThrownBy(() -> new VatRate(-1)).isInstanceOf(IllegalArgumentException.class);
	}

}
