package com.worklib.venue.partner;

import java.util.UUID;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.platform.messaging.EventPublisher.OutgoingEvent;

/**
 * A coworking operator: legal name, short code (prefix of its invoice numbers), platform
 * fee of its contract, and for Neo-nomade partners the migration email and Neo-nomade id.
 */
public record Partner(UUID id, String code, String name, PartnerStatus status, int platformFeeBps,
		String migrationEmail, String neoNomadeId, long version) {

	/** The partner claimed by its first owner, one version later. */
	public Partner claimed() {
		if (this.status != PartnerStatus.UNCLAIMED) {
			throw new IllegalStateException("Partner " + this.id + " is already " + this.status);
		}
		return new Partner(this.id, this.code, this.name, PartnerStatus.CLAIMED, this.platformFeeBps,
				this.migrationEmail, this.neoNomadeId, this.version + 1);
	}

	public Partner withImportedData(String name, int platformFeeBps, String migrationEmail) {
		return new Partner(this.id, this.code, name, this.status, platformFeeBps, migrationEmail, this.neoNomadeId,
				this.version + 1);
	}

	public boolean hasImportedData(String name, int platformFeeBps, String migrationEmail) {
		return this.name.equals(name) && this.platformFeeBps == platformFeeBps
				&& java.util.Objects.equals(this.migrationEmail, migrationEmail);
	}

	/** This state as the event venue publishes for it, keyed by partner. */
	public OutgoingEvent event(boolean created) {
		return new OutgoingEvent(Topics.VENUE_PARTNERS, id().toString(),
				created ? EventTypes.PARTNER_CREATED : EventTypes.PARTNER_CHANGED, id().toString(), toPayload());
	}

	public PartnerPayload toPayload() {
		return new PartnerPayload(this.id, this.code, this.name, this.status.name(), this.platformFeeBps,
				this.migrationEmail, this.neoNomadeId, this.version);
	}

}
