package com.worklib.venue.establishment;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.worklib.platform.domain.SearchKeys;
import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.venue.EstablishmentPayload;
import com.worklib.platform.messaging.EventPublisher.OutgoingEvent;

/**
 * A place of a partner: address, time zone, opening hours in that zone, description and
 * the contact that receives booking requests. Every change yields a new version.
 */
public record Establishment(UUID id, UUID partnerId, String name, Address address, ZoneId timezone,
		List<OpeningHours> openingHours, String description, BookingContact bookingContact, String neoNomadeId,
		long version, String accessInstructions) {

	public Establishment {
		openingHours = List.copyOf(openingHours);
	}

	/**
	 * This establishment with the details given, one version later; the id and owner
	 * stay.
	 */
	public Establishment changedTo(EstablishmentDetails details) {
		return new Establishment(this.id, this.partnerId, details.name(), details.address(), details.timezone(),
				details.openingHours(), details.description(), details.bookingContact(), this.neoNomadeId,
				this.version + 1, details.accessInstructions());
	}

	public boolean sameDetailsAs(EstablishmentDetails details) {
		return this.name.equals(details.name()) && this.address.equals(details.address())
				&& this.timezone.equals(details.timezone()) && this.openingHours.equals(details.openingHours())
				&& java.util.Objects.equals(this.description, details.description())
				&& java.util.Objects.equals(this.bookingContact, details.bookingContact())
				&& java.util.Objects.equals(this.accessInstructions, details.accessInstructions());
	}

	public String cityKey() {
		return SearchKeys.of(this.address.city());
	}

	/** This state as the event venue publishes for it, keyed by partner. */
	public OutgoingEvent event(boolean created) {
		return new OutgoingEvent(Topics.VENUE_ESTABLISHMENTS, partnerId().toString(),
				created ? EventTypes.ESTABLISHMENT_CREATED : EventTypes.ESTABLISHMENT_CHANGED, id().toString(),
				toPayload());
	}

	public EstablishmentPayload toPayload() {
		return new EstablishmentPayload(
				this.id, this.partnerId, this.name, new EstablishmentPayload.Address(this.address.line1(),
						this.address.line2(), this.address.postalCode(), this.address.city(), this.address.country()),
				this.timezone.getId(),
				this.openingHours.stream()
					.map(h -> new EstablishmentPayload.OpeningHours(h.dayOfWeek().name(), h.opens().toString(),
							h.closes().toString()))
					.toList(),
				this.description,
				this.bookingContact == null ? null : new EstablishmentPayload.BookingContact(
						this.bookingContact.email(), this.bookingContact.phone()),
				this.neoNomadeId, this.version, this.accessInstructions);
	}

	/**
	 * What a partner edits (and an import sets): everything but identity and ownership.
	 * {@code accessInstructions} (floor, door code, reception) go to the people who
	 * booked, never to the public.
	 */
	public record EstablishmentDetails(String name, Address address, ZoneId timezone, List<OpeningHours> openingHours,
			String description, BookingContact bookingContact, String accessInstructions) {
	}

}
