package com.worklib.venue.workspace;

/**
 * A desk is shared: up to {@code capacity} people book the same slot. A meeting room or a
 * private office is booked exclusively; its capacity is how many people fit.
 */
public enum WorkspaceType {

	DESK, MEETING_ROOM, PRIVATE_OFFICE

}
