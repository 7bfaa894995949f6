package com.worklib.venue.establishment.web;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.worklib.venue.establishment.Address;
import com.worklib.venue.establishment.BookingContact;
import com.worklib.venue.establishment.Establishment;

/**
 * An establishment as API.md shows it; {@code bookingContact} and
 * {@code accessInstructions} only for its partner's members and ops (the people who
 * booked get them from booking-service).
 */
public record EstablishmentResponse(UUID establishmentId, UUID partnerId, String name, Address address, String timezone,
		List<Hours> openingHours, String description,
		@JsonInclude(JsonInclude.Include.NON_NULL) BookingContact bookingContact,
		@JsonInclude(JsonInclude.Include.NON_NULL) String accessInstructions) {

	public record Hours(String dayOfWeek, String opens, String closes) {
	}

	public static EstablishmentResponse of(Establishment e, boolean withContact) {
		return new EstablishmentResponse(e.id(), e.partnerId(), e.name(), e.address(), e.timezone().getId(),
				e.openingHours()
					.stream()
					.map(h -> new Hours(h.dayOfWeek().name(), h.opens().toString(), h.closes().toString()))
					.toList(),
				e.description(), withContact ? e.bookingContact() : null, withContact ? e.accessInstructions() : null);
	}

}
