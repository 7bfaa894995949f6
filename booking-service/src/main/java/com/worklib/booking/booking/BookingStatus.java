package com.worklib.booking.booking;

/** REQUESTED and CONFIRMED hold the slot; the others are final. */
public enum BookingStatus {

	REQUESTED, CONFIRMED, DECLINED, EXPIRED, CANCELLED;

	public boolean holdsSlot() {
		return this == REQUESTED || this == CONFIRMED;
	}

}
