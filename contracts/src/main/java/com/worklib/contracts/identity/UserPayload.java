package com.worklib.contracts.identity;

import java.util.UUID;

import com.worklib.contracts.Versioned;

/** State of a user on {@code identity.users.v1}. */
public record UserPayload(UUID userId, String email, String firstName, String lastName, String locale,
		boolean emailVerified, long version) implements Versioned {
}
