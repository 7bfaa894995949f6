package com.worklib.identity.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The realm's password policy ({@code keycloak/worklib-realm.json}: length(12),
 * upperCase(1), lowerCase(1), digits(1), notUsername, notEmail), checked before anything
 * else so that sign-up answers a weak password the same way whether or not the address is
 * known. Keycloak checks it again when the user is created.
 */
public final class PasswordPolicy {

	private PasswordPolicy() {
	}

	/**
	 * @return each rule the password breaks, in words; empty when it is acceptable
	 */
	public static List<String> violations(String password, String email) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.length() < 12) {
			problems.add("must be at least 12 characters long");
			if (password == null) {
				return problems;
			}
		}
		if (password.chars().noneMatch(Character::isUpperCase)) {
			problems.add("must contain an upper-case letter");
		}
		if (password.chars().noneMatch(Character::isLowerCase)) {
			problems.add("must contain a lower-case letter");
		}
		if (password.chars().noneMatch(Character::isDigit)) {
			problems.add("must contain a digit");
		}
		if (email != null && password.toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))) {
			problems.add("must not be the email address");
		}
		return problems;
	}

}
