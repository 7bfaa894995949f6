package com.worklib.platform.domain;

/** Unknown, or not visible to the caller (the caller learns nothing of what exists). */
public class NotFoundException extends DomainException {

	/** {@code what} names it as the caller asked for it ("Booking 1f…"). */
	public NotFoundException(String what) {
		super(Refusal.NOT_FOUND, "not-found", what + " was not found");
	}

}
