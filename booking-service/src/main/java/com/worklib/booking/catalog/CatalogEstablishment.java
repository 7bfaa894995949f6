package com.worklib.booking.catalog;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.worklib.contracts.venue.EstablishmentPayload;

/**
 * An establishment as the people who book it need it: where it is, when it opens, whom to
 * call and how to get in. The address parts, phone and access instructions are null for
 * establishments not changed since 2026-12-03 (the catalog learns them with the next
 * change).
 */
public record CatalogEstablishment(UUID establishmentId, UUID partnerId, String name, Address address, ZoneId timezone,
		List<CatalogWorkspace.Hours> openingHours, String phone, String accessInstructions) {

	public record Address(String line1, String line2, String postalCode, String city, String country) {

		/**
		 * One line, as a calendar's LOCATION or a card shows it: "12 rue X, 69002 Lyon".
		 */
		public String oneLine() {
			return new EstablishmentPayload.Address(this.line1, this.line2, this.postalCode, this.city, this.country)
				.oneLine();
		}

	}

	public List<CatalogWorkspace.Hours> hoursOn(java.time.DayOfWeek day) {
		return this.openingHours.stream().filter(h -> h.dayOfWeek() == day).toList();
	}

}
