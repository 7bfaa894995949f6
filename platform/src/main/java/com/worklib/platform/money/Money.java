package com.worklib.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.worklib.contracts.MoneyAmount;

/**
 * An amount in minor units of one currency. Arithmetic across currencies is refused;
 * there is no floating point anywhere.
 */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

	public static final Currency EUR = Currency.getInstance("EUR");

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	public static Money of(long amountMinor, String currencyCode) {
		return new Money(amountMinor, Currency.getInstance(currencyCode));
	}

	public static Money eur(long amountMinor) {
		return new Money(amountMinor, EUR);
	}

	public static Money zero(Currency currency) {
		return new Money(0, currency);
	}

	public static Money from(MoneyAmount wire) {
		return wire == null ? null : of(wire.amountMinor(), wire.currency());
	}

	public MoneyAmount toWire() {
		return new MoneyAmount(this.amountMinor, this.currency.getCurrencyCode());
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.addExact(this.amountMinor, other.amountMinor), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.subtractExact(this.amountMinor, other.amountMinor), this.currency);
	}

	/** This amount times a decimal factor, rounded half-up to the minor unit. */
	public Money times(BigDecimal factor) {
		BigDecimal exact = BigDecimal.valueOf(this.amountMinor).multiply(factor);
		return new Money(exact.setScale(0, RoundingMode.HALF_UP).longValueExact(), this.currency);
	}

	/** This amount times {@code bps / 10 000}, rounded half-up to the minor unit. */
	public Money percentBps(int bps) {
		return times(BigDecimal.valueOf(bps).movePointLeft(4));
	}

	@JsonIgnore // not part of the wire form {"amountMinor", "currency"} (API.md)
	public boolean isPositive() {
		return this.amountMinor > 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return Long.compare(this.amountMinor, other.amountMinor);
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException(
					"Cannot combine " + this.currency + " and " + other.currency + " amounts");
		}
	}

	@Override
	public String toString() {
		BigDecimal major = BigDecimal.valueOf(this.amountMinor, this.currency.getDefaultFractionDigits());
		return major.toPlainString() + " " + this.currency.getCurrencyCode();
	}

}
