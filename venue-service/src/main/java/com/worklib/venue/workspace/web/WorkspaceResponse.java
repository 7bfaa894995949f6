package com.worklib.venue.workspace.web;

import java.util.UUID;

import com.worklib.contracts.MoneyAmount;
import com.worklib.venue.workspace.WorkspaceService.PricedWorkspace;

/**
 * A workspace as API.md shows it. {@code priceBasis} says which price {@code price} is:
 * PARTNER (what the partner entered, for its members and ops) or CUSTOMER (partner price
 * plus platform fee, for everyone else).
 */
public record WorkspaceResponse(UUID workspaceId, UUID establishmentId, String type, String name, int capacity,
		String bookingMode, Price price, boolean active, String priceBasis) {

	public record Price(String unit, MoneyAmount amountExclVat, int vatRateBps) {
	}

	public static WorkspaceResponse of(PricedWorkspace priced) {
		var w = priced.workspace();
		var d = w.details();
		return new WorkspaceResponse(w.id(), w.establishmentId(), d.type().name(), d.name(), d.capacity(),
				d.bookingMode().name(), new Price(d.unit().name(), priced.amountExclVat().toWire(), d.vatRate().bps()),
				d.active(), priced.partnerPrice() ? "PARTNER" : "CUSTOMER");
	}

}
