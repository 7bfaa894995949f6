package com.worklib.booking.booking;

import com.worklib.platform.domain.ConflictException;

/** Only a request waiting for an answer can be confirmed, declined or expired. */
public class IllegalTransition extends ConflictException {

	IllegalTransition(BookingStatus expected, String what, BookingStatus actual) {
		super("Only a " + expected + " booking can be " + what + "; this one is " + actual);
	}

}
