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
public class Deliveries {

	private final JdbcClient jdbc;

	private final MailRenderer renderer;

	private final Clock clock;

	Deliveries(JdbcClient jdbc, MailRenderer renderer, Clock clock) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.clock = clock;
	}

	/** A logged delivery, as ops see it. */
	public record Delivery(UUID deliveryId, String dedupeKey, String recipient, String template, String locale,
			String subject, String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
			Instant sentAt) {
	}

	/** A pending mail, ready to send. */
	record Outgoing(UUID deliveryId, String recipient, String subject, String textBody, String htmlBody, int attempts) {
	}

	/**
	 * Renders and queues the mail, in the caller's transaction.
	 * @return false when it was already queued
	 */
	public boolean queue(MailContent mail) {
		MailRenderer.Rendered rendered = this.renderer.render(mail);
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				INSERT INTO delivery (delivery_id, dedupe_key, recipient, template, locale, subject, text_body,
				    html_body, status, next_attempt_at, created_at)
				VALUES (:id, :key, :recipient, :template, :locale, :subject, :text, :html, 'PENDING', :now, :now)
				ON CONFLICT (dedupe_key, recipient, template) DO NOTHING
				""")
			.param("id", UUID.randomUUID())
			.param("key", mail.dedupeKey())
			.param("recipient", mail.recipient())
			.param("template", mail.template())
			.param("locale", mail.locale().getLanguage())
			.param("subject", rendered.subject())
			.param("text", rendered.text())
			.param("html", rendered.html())
			.param("now", now)
			.update() == 1;
	}

	/** Locks up to {@code limit} mails due now; other replicas skip them. */
	List<Outgoing> claimDue(int limit) {
		return this.jdbc.sql("""
				SELECT delivery_id, recipient, subject, text_body, html_body, attempts FROM delivery
				WHERE status = 'PENDING' AND next_attempt_at <= :now
				ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", limit)
			.query(Outgoing.class)
			.list();
	}

	void sent(UUID deliveryId) {
		this.jdbc.sql("""
				UPDATE delivery SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL
				WHERE delivery_id = :id""")
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
				UPDATE delivery SET status = 'FAILED', attempts = attempts + 1, last_error = :error
				WHERE delivery_id = :id""").param("id", deliveryId).param("error", error).update();
	}

	public List<Delivery> toRecipient(String recipient, int limit) {
		return this.jdbc.sql("""
				SELECT delivery_id, dedupe_key, recipient, template, locale, subject, status, attempts, last_error,
				    created_at, next_attempt_at, sent_at
				FROM delivery WHERE lower(recipient) = lower(:recipient) ORDER BY created_at DESC LIMIT :limit
				""").param("recipient", recipient).param("limit", limit).query(Delivery.class).list();
	}

}
