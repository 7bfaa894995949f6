package com.worklib.contracts;

/**
 * Wire form of an amount: minor units and an ISO 4217 currency code, as in
 * {@code {"amountMinor":1234,"currency":"EUR"}}.
 */
public record MoneyAmount(long amountMinor, String currency) {
}
