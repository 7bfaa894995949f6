package com.worklib.venue.shared;

import java.util.List;

import org.springframework.stereotype.Component;

import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.messaging.EventPublisher.OutgoingEvent;

/**
 * Every change of a partner, establishment or workspace is published with its full state
 * and version, keyed by the partner id so one partner's events stay in order. Each
 * aggregate says what its event is ({@code event(created)}); this only records them in
 * the outbox, so no feature depends on another through it.
 */
@Component
public class VenueEvents {

	private final EventPublisher publisher;

	VenueEvents(EventPublisher publisher) {
		this.publisher = publisher;
	}

	public void publish(OutgoingEvent event) {
		this.publisher.publishAll(List.of(event));
	}

	/** Records many events in one batch, in order (imports). */
	public void publishAll(List<OutgoingEvent> events) {
		if (!events.isEmpty()) {
			this.publisher.publishAll(events);
		}
	}

}
