package com.worklib.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery log. A mail is queued once per (dedupe key, recipient, template): the same
 * event delivered twice, or the same invoice announced twice, queues nothing new.
 */
@Repository
public class DeliveryRepository {

	private final JdbcClient jdbc;

	private final MailRenderer renderer;

	private final MailSecrets secrets;

	private final Clock clock;

	DeliveryRepository(JdbcClient jdbc, MailRenderer renderer, MailSecrets secrets, Clock clock) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.secrets = secrets;
		this.clock = clock;
	}

	/**
	 * Once a mail is sent or given up, its sealed secrets go, and any token a row written
	 * before they were sealed still holds is blanked.
	 */
	private static final String FORGET_SECRETS = "sealed_secrets = NULL, "
			+ "text_body = regexp_replace(text_body, '([?&;]token=)[A-Za-z0-9_-]+', '\\1[redacted]', 'g'), "
			+ "html_body = regexp_replace(html_body, '([?&;]token=)[A-Za-z0-9_-]+', '\\1[redacted]', 'g')";

	/**
	 * PENDING until sent; SENT once the SMTP server accepted it; FAILED when it never
	 * will be.
	 */
	public enum Status {

		PENDING, SENT, FAILED

	}

	/** A logged delivery, as ops see it. */
	public record Delivery(UUID deliveryId, String dedupeKey, String recipient, String template, String locale,
			String subject, Status status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
			Instant sentAt) {
	}

	/** A pending mail, ready to send. */
	record Outgoing(UUID deliveryId, String recipient, String subject, String textBody, String htmlBody, int attempts,
			MailContent.Attachment attachment) {
	}

	/**
	 * Renders and queues the mail, in the caller's transaction.
	 * @return false when it was already queued
	 */
	public boolean queue(MailContent mail) {
		MailRenderer.Rendered rendered = this.renderer.render(mail);
		Timestamp now = Timestamp.from(this.clock.instant());
		UUID deliveryId = UUID.randomUUID();
		MailSecrets.Sealed sealed = this.secrets.seal(deliveryId, rendered.text(), rendered.html());
		return this.jdbc
			.sql("""
					INSERT INTO delivery (delivery_id, dedupe_key, recipient, template, locale, subject, text_body,
					    html_body, sealed_secrets, status, next_attempt_at, created_at, attachment_document_id,
					    attachment_name, attachment_kind, priority)
					VALUES (:id, :key, :recipient, :template, :locale, :subject, :text, :html, :sealed, 'PENDING', :now, :now,
					    :attachmentId, :attachmentName, :attachmentKind, :priority)
					ON CONFLICT (dedupe_key, recipient, template) DO NOTHING
					""")
			.param("id", deliveryId)
			.param("key", mail.dedupeKey())
			.param("recipient", mail.recipient())
			.param("template", mail.template())
			.param("locale", mail.locale().getLanguage())
			.param("subject", rendered.subject())
			.param("text", sealed.text())
			.param("html", sealed.html())
			.param("sealed", sealed.secrets())
			.param("now", now)
			.param("attachmentId", mail.attachment() == null ? null : mail.attachment().documentId())
			.param("attachmentKind", mail.attachment() == null ? null : mail.attachment().kind().name())
			.param("attachmentName", mail.attachment() == null ? null : mail.attachment().fileName())
			.param("priority", mail.priority().rank())
			.update() == 1;
	}

	/**
	 * Locks up to {@code limit} mails due now, account mails first (see
	 * {@link MailContent.Priority}); other replicas skip them.
	 */
	List<Outgoing> claimDue(int limit) {
		return this.jdbc.sql("""
				SELECT delivery_id, recipient, subject, text_body, html_body, sealed_secrets, attempts,
				  attachment_document_id, attachment_name, attachment_kind FROM delivery
				WHERE status = 'PENDING' AND next_attempt_at <= :now
				ORDER BY priority, next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED
				""").param("now", Timestamp.from(this.clock.instant())).param("limit", limit).query((rs, i) -> {
			UUID id = rs.getObject("delivery_id", UUID.class);
			String sealed = rs.getString("sealed_secrets");
			return new Outgoing(id, rs.getString("recipient"), rs.getString("subject"),
					this.secrets.unseal(id, rs.getString("text_body"), sealed),
					this.secrets.unseal(id, rs.getString("html_body"), sealed), rs.getInt("attempts"),
					rs.getObject("attachment_document_id") == null ? null : new MailContent.Attachment(
							MailContent.Attachment.Kind.valueOf(rs.getString("attachment_kind")),
							rs.getObject("attachment_document_id", UUID.class), rs.getString("attachment_name")));
		}).list();
	}

	void sent(UUID deliveryId) {
		this.jdbc.sql("""
				UPDATE delivery SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL,
				""" + FORGET_SECRETS + " WHERE delivery_id = :id")
			.param("id", deliveryId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	void failedAttempt(UUID deliveryId, String error, Instant nextAttempt) {
		this.jdbc.sql("""
				UPDATE delivery SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
				WHERE delivery_id = :id""")
			.param("id", deliveryId)
			.param("error", error)
			.param("next", Timestamp.from(nextAttempt))
			.update();
	}

	void failed(UUID deliveryId, String error) {
		this.jdbc.sql("""
				UPDATE delivery SET status = 'FAILED', attempts = attempts + 1, last_error = :error,
				""" + FORGET_SECRETS + " WHERE delivery_id = :id")
			.param("id", deliveryId)
			.param("error", error)
			.update();
	}

	public List<Delivery> toRecipient(String recipient, int limit) {
		return this.jdbc.sql("""
				SELECT delivery_id, dedupe_key, recipient, template, locale, subject, status, attempts, last_error,
				    created_at, next_attempt_at, sent_at
				FROM delivery WHERE lower(recipient) = lower(:recipient) ORDER BY created_at DESC LIMIT :limit
				""").param("recipient", recipient).param("limit", limit).query(Delivery.class).list();
	}

}
