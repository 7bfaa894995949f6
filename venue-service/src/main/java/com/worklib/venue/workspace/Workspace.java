package com.worklib.venue.workspace;

import java.util.UUID;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.venue.WorkspacePayload;
import com.worklib.platform.messaging.EventPublisher.OutgoingEvent;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;

/**
 * A bookable space of an establishment. {@code price} is the partner price excluding VAT
 * per {@code unit}: what the partner is paid.
 */
public record Workspace(UUID id, UUID establishmentId, UUID partnerId, WorkspaceDetails details, String neoNomadeId,
		long version) {

	public Workspace changedTo(WorkspaceDetails newDetails) {
		return new Workspace(this.id, this.establishmentId, this.partnerId, newDetails, this.neoNomadeId,
				this.version + 1);
	}

	public Workspace movedTo(UUID newEstablishmentId, WorkspaceDetails newDetails) {
		return new Workspace(this.id, newEstablishmentId, this.partnerId, newDetails, this.neoNomadeId,
				this.version + 1);
	}

	/** This state as the event venue publishes for it, keyed by partner. */
	public OutgoingEvent event(boolean created) {
		return new OutgoingEvent(Topics.VENUE_WORKSPACES, partnerId().toString(),
				created ? EventTypes.WORKSPACE_CREATED : EventTypes.WORKSPACE_CHANGED, id().toString(), toPayload());
	}

	public WorkspacePayload toPayload() {
		return new WorkspacePayload(this.id, this.establishmentId, this.partnerId, this.details.type().name(),
				this.details.name(), this.details.capacity(), this.details.bookingMode().name(),
				this.details.unit().name(), this.details.price().toWire(), this.details.vatRate().bps(),
				this.details.active(), this.version);
	}

	/** What a partner edits. */
	public record WorkspaceDetails(WorkspaceType type, String name, int capacity, BookingMode bookingMode,
			PriceUnit unit, Money price, VatRate vatRate, boolean active) {

		public WorkspaceDetails {
			if (capacity < 1) {
				throw new IllegalArgumentException("capacity must be at least 1");
			}
			if (!price.isPositive()) {
				throw new IllegalArgumentException("price must be positive");
			}
			if (!vatRate.isFrench()) {
				throw new IllegalArgumentException("VAT rate must be one of 0, 210, 550, 1000, 2000 bps");
			}
		}

	}

}
