package com.worklib.identity.mail;

import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.MailRequestPayload;
import com.worklib.platform.messaging.EventPublisher;

/**
 * Asks notification-service for a mail, through the outbox, in the caller's transaction.
 */
@Component
public class MailRequests {

	private final EventPublisher events;

	private final String webBaseUrl;

	MailRequests(EventPublisher events, @Value("${worklib.web.base-url}") String webBaseUrl) {
		this.events = events;
		this.webBaseUrl = webBaseUrl;
	}

	public void emailVerification(String to, String locale, String firstName, String token, Instant expiresAt) {
		send(new MailRequestPayload(UUID.randomUUID(), "EMAIL_VERIFICATION", to, locale, firstName,
				this.webBaseUrl + "/verify-email?token=" + token, expiresAt, null, null, null, null));
	}

	public void accountExists(String to, String locale) {
		send(new MailRequestPayload(UUID.randomUUID(), "ACCOUNT_EXISTS", to, locale, null, this.webBaseUrl + "/login",
				null, null, null, null, null));
	}

	public void claimLink(String to, UUID partnerId, String partnerName) {
		send(new MailRequestPayload(UUID.randomUUID(), "CLAIM_LINK", to, "fr", null,
				this.webBaseUrl + "/signup?email="
						+ java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8),
				null, partnerId, partnerName, null, null));
	}

	public void invitation(String to, String firstName, String token, Instant expiresAt, UUID partnerId,
			String partnerName, String inviterName, String role) {
		send(new MailRequestPayload(UUID.randomUUID(), "INVITATION", to, "fr", firstName,
				this.webBaseUrl + "/invitations/accept?token=" + token, expiresAt, partnerId, partnerName, inviterName,
				role));
	}

	private void send(MailRequestPayload mail) {
		// keyed by recipient: one person's mails stay in order
		this.events.publish(Topics.IDENTITY_NOTIFICATIONS, mail.to(), EventTypes.MAIL_REQUESTED,
				mail.requestId().toString(), mail);
	}

}
