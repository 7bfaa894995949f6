package com.worklib.venue.shared;

import java.util.List;

import org.springframework.stereotype.Component;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.messaging.EventPublisher.OutgoingEvent;
import com.worklib.venue.establishment.Establishment;
import com.worklib.venue.partner.Partner;
import com.worklib.venue.workspace.Workspace;

/**
 * Every change of a partner, establishment or workspace is published with its full state
 * and version, keyed by the partner id so one partner's events stay in order.
 */
@Component
public class VenueEvents {

	private final EventPublisher publisher;

	VenueEvents(EventPublisher publisher) {
		this.publisher = publisher;
	}

	public void partner(Partner partner, boolean created) {
		this.publisher.publishAll(List.of(ofPartner(partner, created)));
	}

	public void establishment(Establishment establishment, boolean created) {
		this.publisher.publishAll(List.of(ofEstablishment(establishment, created)));
	}

	public void workspace(Workspace workspace, boolean created) {
		this.publisher.publishAll(List.of(ofWorkspace(workspace, created)));
	}

	/** Records many events in one batch, in order (imports). */
	public void publishAll(List<OutgoingEvent> events) {
		if (!events.isEmpty()) {
			this.publisher.publishAll(events);
		}
	}

	public static OutgoingEvent ofPartner(Partner partner, boolean created) {
		return new OutgoingEvent(Topics.VENUE_PARTNERS, partner.id().toString(),
				created ? EventTypes.PARTNER_CREATED : EventTypes.PARTNER_CHANGED, partner.id().toString(),
				partner.toPayload());
	}

	public static OutgoingEvent ofEstablishment(Establishment establishment, boolean created) {
		return new OutgoingEvent(Topics.VENUE_ESTABLISHMENTS, establishment.partnerId().toString(),
				created ? EventTypes.ESTABLISHMENT_CREATED : EventTypes.ESTABLISHMENT_CHANGED,
				establishment.id().toString(), establishment.toPayload());
	}

	public static OutgoingEvent ofWorkspace(Workspace workspace, boolean created) {
		return new OutgoingEvent(Topics.VENUE_WORKSPACES, workspace.partnerId().toString(),
				created ? EventTypes.WORKSPACE_CREATED : EventTypes.WORKSPACE_CHANGED, workspace.id().toString(),
				workspace.toPayload());
	}

}
