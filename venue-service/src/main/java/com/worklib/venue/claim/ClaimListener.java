package com.worklib.venue.claim;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.MembershipPayload;
import com.worklib.platform.messaging.Inbox;
import com.worklib.platform.messaging.IncomingEvent;
import com.worklib.venue.partner.Partner;
import com.worklib.venue.partner.PartnerRepository;
import com.worklib.venue.partner.PartnerStatus;
import com.worklib.venue.shared.VenueEvents;

/**
 * An active OWNER membership on an UNCLAIMED partner marks it CLAIMED and publishes
 * {@code PartnerChanged}: once, however often the membership event is delivered.
 */
@Component
class ClaimListener {

	static final String CONSUMER = "venue.claims";

	private final Inbox inbox;

	private final PartnerRepository partners;

	private final VenueEvents events;

	ClaimListener(Inbox inbox, PartnerRepository partners, VenueEvents events) {
		this.inbox = inbox;
		this.partners = partners;
		this.events = events;
	}

	@KafkaListener(id = "venue-claims", topics = Topics.IDENTITY_MEMBERSHIPS, groupId = "venue-service-claims")
	void on(ConsumerRecord<String, String> record) {
		this.inbox.process(CONSUMER, IncomingEvent.from(record), MembershipPayload.class, this::apply);
	}

	// runs inside the inbox transaction, with the row lock taken below
	boolean apply(MembershipPayload membership) {
		if (!membership.active() || !"OWNER".equals(membership.role())) {
			return false;
		}
		return this.partners.findByIdForUpdate(membership.partnerId())
			.filter(p -> p.status() == PartnerStatus.UNCLAIMED)
			.map(p -> {
				Partner claimed = p.claimed();
				this.partners.update(claimed);
				this.events.publish(claimed.event(false));
				return true;
			})
			.orElse(false);
	}

}
