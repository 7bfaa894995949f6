package com.worklib.platform.security;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How every service writes and compares an email address. A migrated listing is claimed
 * only when the address venue-service stored and the one identity-service verified are
 * equal, so both use this one rule: trimmed, lower-cased.
 */
public final class EmailAddresses {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private EmailAddresses() {
	}

	public static String normalize(String email) {
		return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
	}

	/** Shaped like an address (the mailbox itself is proven by the verification link). */
	public static boolean isValid(String email) {
		return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
	}

}
