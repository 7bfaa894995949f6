package com.worklib.booking.booking;

import com.worklib.platform.domain.RuleViolationException;

/**
 * A booking rule refuses the request: the slot's shape (granularity, opening hours, how
 * far ahead), the workspace (inactive, one's own, too small), a reused idempotency key.
 * The type says which rule.
 */
public class BookingRefused extends RuleViolationException {

	BookingRefused(String type, String detail) {
		super(type, detail);
	}

}
