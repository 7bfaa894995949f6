package com.worklib.booking.booking;

import com.worklib.platform.domain.ConflictException;

/** The slot asked for is taken: a room already booked, or every place of a desk. */
public class SlotTaken extends ConflictException {

	SlotTaken(String detail) {
		super(detail);
	}

}
