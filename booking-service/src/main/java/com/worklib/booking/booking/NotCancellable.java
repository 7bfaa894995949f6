package com.worklib.booking.booking;

import com.worklib.platform.domain.ConflictException;

/**
 * A booking that no longer holds its slot (declined, expired, cancelled) cannot be
 * cancelled.
 */
public class NotCancellable extends ConflictException {

	NotCancellable(BookingStatus status) {
		super("A " + status + " booking cannot be cancelled");
	}

}
