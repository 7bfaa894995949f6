package com.worklib.contracts.venue;

import java.util.UUID;

import com.worklib.contracts.Versioned;

/**
 * State of a partner on {@code venue.partners.v1}. {@code status} is UNCLAIMED or
 * CLAIMED; {@code migrationEmail} and {@code neoNomadeId} are set for imported partners.
 */
public record PartnerPayload(UUID partnerId, String code, String name, String status, int platformFeeBps,
		String migrationEmail, String neoNomadeId, long version) implements Versioned {
}
