package com.worklib.notification.mails;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.worklib.contracts.MoneyAmount;

/**
 * How mails show amounts, dates and times in the recipient's language, and where their
 * links point. Booking dates and times are the venue's; other moments are Paris time.
 */
@Component
class MailFormats {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	final String webBaseUrl;

	final String backOfficeUrl;

	MailFormats(@Value("${worklib.notification.web-base-url:http://localhost:3000}") String webBaseUrl,
			@Value("${worklib.notification.back-office-url:http://localhost:3000}") String backOfficeUrl) {
		this.webBaseUrl = webBaseUrl;
		this.backOfficeUrl = backOfficeUrl;
	}

	static String money(MoneyAmount amount, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		Currency currency = Currency.getInstance(amount.currency());
		format.setCurrency(currency);
		return format.format(BigDecimal.valueOf(amount.amountMinor(), currency.getDefaultFractionDigits()));
	}

	static String date(LocalDate date, Locale locale) {
		return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
	}

	static String moment(Instant instant, Locale locale) {
		return instant == null ? null : instant.atZone(PARIS)
			.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale));
	}

	/** "09:00 – 12:30" in the venue's time zone. */
	static String timeRange(Instant start, Instant end, ZoneId zone) {
		DateTimeFormatter hours = DateTimeFormatter.ofPattern("HH:mm");
		return start.atZone(zone).format(hours) + " – " + end.atZone(zone).format(hours);
	}

	static String month(String yearMonth, Locale locale) {
		return YearMonth.parse(yearMonth).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
	}

}
