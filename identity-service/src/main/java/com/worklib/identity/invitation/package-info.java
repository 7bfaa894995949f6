/**
 * Owners invite collaborators by email; the invitee accepts with the same verified
 * address.
 */
package com.worklib.identity.invitation;
