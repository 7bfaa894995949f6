package com.worklib.contracts.venue;

import java.util.List;
import java.util.UUID;

import com.worklib.contracts.Versioned;

/**
 * State of an establishment on {@code venue.establishments.v1}; times are venue-local.
 * {@code accessInstructions} (floor, door code, reception; added 2026-12) is for the
 * people who booked.
 */
public record EstablishmentPayload(UUID establishmentId, UUID partnerId, String name, Address address, String timezone,
		List<OpeningHours> openingHours, String description, BookingContact bookingContact, String neoNomadeId,
		long version, String accessInstructions) implements Versioned {

	public record Address(String line1, String line2, String postalCode, String city, String country) {

		/**
		 * "12 rue de la République, 69002 Lyon", as mails, pages and calendar events show
		 * it; null without a first line.
		 */
		public String oneLine() {
			if (this.line1 == null) {
				return null;
			}
			String place = java.util.stream.Stream.of(this.postalCode, this.city)
				.filter(p -> p != null && !p.isBlank())
				.collect(java.util.stream.Collectors.joining(" "));
			return java.util.stream.Stream.of(this.line1, this.line2, place)
				.filter(p -> p != null && !p.isBlank())
				.collect(java.util.stream.Collectors.joining(", "));
		}

	}

	/**
	 * {@code dayOfWeek} as ISO name (MONDAY…SUNDAY), {@code opens}/{@code closes} as
	 * HH:mm.
	 */
	public record OpeningHours(String dayOfWeek, String opens, String closes) {
	}

	public record BookingContact(String email, String phone) {
	}

}
