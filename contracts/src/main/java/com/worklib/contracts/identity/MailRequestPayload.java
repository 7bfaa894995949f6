package com.worklib.contracts.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A mail identity-service asks notification-service to send, on
 * {@code identity.notifications.v1}. {@code kind} is EMAIL_VERIFICATION, ACCOUNT_EXISTS,
 * CLAIM_LINK or INVITATION; {@code link} points to the web app and may carry a single-use
 * token, so this topic is readable by those two services only. Partner and inviter fields
 * are set for claims and invitations.
 */
public record MailRequestPayload(UUID requestId, String kind, String to, String locale, String firstName, String link,
		Instant expiresAt, UUID partnerId, String partnerName, String inviterName, String role) {
}
