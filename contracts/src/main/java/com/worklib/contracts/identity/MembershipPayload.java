package com.worklib.contracts.identity;

import java.util.UUID;

import com.worklib.contracts.Versioned;

/**
 * State of one membership on {@code identity.memberships.v1}. {@code role} is OWNER,
 * MANAGER or FINANCE; {@code active} is false once revoked.
 */
public record MembershipPayload(UUID partnerId, UUID userId, String email, String role, boolean active,
		long version) implements Versioned {
}
