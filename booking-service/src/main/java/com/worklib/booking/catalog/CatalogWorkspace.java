package com.worklib.booking.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;

/** A bookable workspace with what booking needs of its establishment and partner. */
public record CatalogWorkspace(UUID workspaceId, UUID establishmentId, UUID partnerId, String type, String name,
		int capacity, String bookingMode, PriceUnit unit, Money price, VatRate vatRate, boolean active, ZoneId timezone,
		List<Hours> openingHours, int platformFeeBps) {

	/** One opening range of a weekday, venue-local. */
	public record Hours(DayOfWeek dayOfWeek, LocalTime opens, LocalTime closes) {
	}

	/**
	 * Meeting rooms and private offices are booked exclusively; desks up to their
	 * capacity.
	 */
	public boolean exclusive() {
		return !"DESK".equals(this.type);
	}

	public boolean onRequest() {
		return "REQUEST".equals(this.bookingMode);
	}

	public List<Hours> hoursOn(DayOfWeek day) {
		return this.openingHours.stream().filter(h -> h.dayOfWeek() == day).toList();
	}

}
