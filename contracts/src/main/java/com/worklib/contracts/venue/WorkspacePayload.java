package com.worklib.contracts.venue;

import java.util.UUID;

import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Versioned;

/**
 * State of a workspace on {@code venue.workspaces.v1}. The price is the partner price
 * excluding VAT per {@code priceUnit} (HOUR, HALF_DAY, DAY).
 */
public record WorkspacePayload(UUID workspaceId, UUID establishmentId, UUID partnerId, String type, String name,
		int capacity, String bookingMode, String priceUnit, MoneyAmount priceExclVat, int vatRateBps, boolean active,
		long version) implements Versioned {
}
