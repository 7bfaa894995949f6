package com.worklib.web.support;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.worklib.web.api.UserApi;

/**
 * Money as a partner reads it: {@code 1 234,50 € HT} in French,
 * {@code €1,234.50 excl. VAT} in English. Templates call it as
 * {@code ${@amounts.exclVat(money)}}. Formatting only: the amounts themselves come from
 * the API.
 */
@Component("amounts")
public class Amounts {

	public String exclVat(UserApi.Money money) {
		return plain(money) + (french() ? " HT" : " excl. VAT");
	}

	public String inclVat(UserApi.Money money) {
		return plain(money) + (french() ? " TTC" : " incl. VAT");
	}

	public String plain(UserApi.Money money) {
		Locale locale = french() ? Locale.FRANCE : Locale.UK;
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(Currency.getInstance(money.currency()));
		// the JDK's French grouping is a narrow no-break space: one a person can read and
		// a test can type
		return format.format(BigDecimal.valueOf(money.amountMinor(), 2)).replace('\u202f', '\u00a0');
	}

	/**
	 * {@code 2000} basis points → {@code 20 %} / {@code 20%}; {@code 550} →
	 * {@code 5,5 %}.
	 */
	public String rate(int bps) {
		NumberFormat format = NumberFormat.getNumberInstance(french() ? Locale.FRANCE : Locale.UK);
		format.setMaximumFractionDigits(2);
		return format.format(BigDecimal.valueOf(bps, 2)) + (french() ? "\u00a0%" : "%");
	}

	/** The amount as the form shows it for editing: {@code 22,00} / {@code 22.00}. */
	public String input(UserApi.Money money) {
		String digits = BigDecimal.valueOf(money.amountMinor(), 2).toPlainString();
		return french() ? digits.replace('.', ',') : digits;
	}

	/** Minor units as a count a person reads: {@code 3705} → {@code 3 705}. */
	public String cents(long minor) {
		return exactCents(BigDecimal.valueOf(minor));
	}

	/** An exact amount of cents, before rounding: {@code 259,35}. */
	public String exactCents(BigDecimal cents) {
		NumberFormat format = NumberFormat.getNumberInstance(french() ? Locale.FRANCE : Locale.UK);
		format.setMaximumFractionDigits(4);
		return format.format(cents).replace('\u202f', '\u00a0');
	}

	/** A booked quantity: {@code 3}, {@code 1,5}. */
	public String quantity(BigDecimal quantity) {
		return exactCents(quantity);
	}

	private static boolean french() {
		return !"en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

}
