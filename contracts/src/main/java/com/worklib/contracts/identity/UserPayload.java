package com.worklib.contracts.identity;

import java.util.UUID;

import com.worklib.contracts.Versioned;

/**
 * State of a user on {@code identity.users.v1}. {@code company} (added 2026-12, null when
 * not given) is the employer a person gave at sign-up: what a partner's bookings table
 * shows next to the booker's first name.
 */
public record UserPayload(UUID userId, String email, String firstName, String lastName, String locale,
		boolean emailVerified, long version, String company) implements Versioned {

	/** A user as events carried it before the company was added. */
	public UserPayload(UUID userId, String email, String firstName, String lastName, String locale,
			boolean emailVerified, long version) {
		this(userId, email, firstName, lastName, locale, emailVerified, version, null);
	}

}
