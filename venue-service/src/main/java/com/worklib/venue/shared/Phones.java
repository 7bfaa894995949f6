package com.worklib.venue.shared;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers through libphonenumber: stored and published in E.164
 * ({@code +33472000000}).
 */
public final class Phones {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private Phones() {
	}

	/**
	 * @param raw as typed or exported ({@code 04 72 00 00 00}, {@code +33 4 72 00 00 00})
	 * @param country ISO 3166 alpha-2 used when the number has no country code
	 * @return the number in E.164, or empty when it is not a valid number
	 */
	public static Optional<String> toE164(String raw, String country) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = UTIL.parse(raw, country == null ? "FR" : country);
			return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
					: Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/** True for a valid number already written in E.164. */
	public static boolean isE164(String phone) {
		return phone != null && phone.startsWith("+") && toE164(phone, null).map(phone::equals).orElse(false);
	}

}
