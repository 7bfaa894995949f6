package com.worklib.venue.workspace;

/** INSTANT confirms at once; REQUEST waits for a partner member to confirm or decline. */
public enum BookingMode {

	INSTANT, REQUEST

}
