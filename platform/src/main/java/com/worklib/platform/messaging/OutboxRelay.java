package com.worklib.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them published. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas relay without sending
 * a row twice in the normal case; a crash between send and mark sends it again, which
 * consumers absorb (inbox and versioned upserts). A batch is sent all at once and marked
 * published only when every send is acknowledged; if one fails, the whole batch is sent
 * again on the next poll (duplicates, and for a failed key possibly a reordering, both
 * absorbed by versions).
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final KafkaTemplate<String, String> kafka;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String source;

	private final int batchSize;

	private final Duration sendTimeout;

	public OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
			Clock clock, String source, int batchSize, Duration sendTimeout) {
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.transactions = transactions;
		this.clock = clock;
		this.source = source;
		this.batchSize = batchSize;
		this.sendTimeout = sendTimeout;
	}

	@Scheduled(fixedDelayString = "${worklib.outbox.poll-interval:200ms}",
			initialDelayString = "${worklib.outbox.initial-delay:1s}")
	public void relayScheduled() {
		try {
			while (relayBatch() == this.batchSize) {
				// a full batch means more may be waiting
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay could not publish, will retry: {}", ex.getMessage());
		}
	}

	/**
	 * @return how many events were published
	 */
	public int relayBatch() {
		Integer sent = this.transactions.execute(status -> {
			List<OutboxRow> rows = this.jdbc.sql("""
					SELECT id, event_id, topic, message_key, ce_type, ce_subject, payload::text AS payload, created_at
					FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
					""").param("limit", this.batchSize).query(OutboxRow.class).list();
			// all sends of the batch in flight at once, then every ack awaited: one round
			// trip, not one per event
			List<CompletableFuture<?>> acks = rows.stream().<CompletableFuture<?>>map(this::send).toList();
			for (int i = 0; i < acks.size(); i++) {
				await(acks.get(i), rows.get(i));
			}
			if (!rows.isEmpty()) {
				this.jdbc.sql("UPDATE outbox_event SET published_at = :now WHERE id IN (:ids)")
					.param("now", Timestamp.from(this.clock.instant()))
					.param("ids", rows.stream().map(OutboxRow::id).toList())
					.update();
			}
			return rows.size();
		});
		return sent == null ? 0 : sent;
	}

	public long pendingCount() {
		return this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
	}

	private CompletableFuture<?> send(OutboxRow row) {
		ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
		header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		header(record, CloudEventHeaders.ID, row.eventId().toString());
		header(record, CloudEventHeaders.TYPE, row.ceType());
		header(record, CloudEventHeaders.SOURCE, this.source);
		header(record, CloudEventHeaders.TIME, row.createdAt().toInstant().toString());
		header(record, CloudEventHeaders.SUBJECT, row.ceSubject());
		header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
		return this.kafka.send(record);
	}

	private void await(CompletableFuture<?> ack, OutboxRow row) {
		try {
			ack.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing " + row.eventId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish event " + row.eventId() + " to " + row.topic(), ex);
		}
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	record OutboxRow(long id, UUID eventId, String topic, String messageKey, String ceType, String ceSubject,
			String payload, Timestamp createdAt) {
	}

	/**
	 * Visible for the readiness of tests and operators: when the oldest unpublished event
	 * was written.
	 */
	public Instant oldestPending() {
		return this.jdbc.sql("SELECT min(created_at) FROM outbox_event WHERE published_at IS NULL")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

}
