package com.worklib.identity.invitation;

/**
 * Where an invitation stands. PENDING until accepted or revoked (a new invitation to the
 * same address revokes the previous one); shown EXPIRED once its date has passed, which
 * is never stored.
 */
public enum InvitationStatus {

	PENDING, ACCEPTED, REVOKED, EXPIRED

}
