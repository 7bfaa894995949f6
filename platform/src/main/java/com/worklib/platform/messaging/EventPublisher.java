package com.worklib.platform.messaging;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an event in the outbox table inside the caller's transaction: the event exists
 * if and only if the state change commits. {@link OutboxRelay} publishes it afterwards,
 * at least once.
 */
public class EventPublisher {

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	public EventPublisher(JdbcClient jdbc, JsonMapper jsonMapper, Clock clock) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * @param topic one of {@link com.worklib.contracts.Topics}
	 * @param key the partition key: the aggregate id, or the partner id for
	 * partner-scoped aggregates
	 * @param type the logical {@code ce_type}, one of
	 * {@link com.worklib.contracts.EventTypes}
	 * @param subject the aggregate id ({@code ce_subject})
	 * @return the event id ({@code ce_id})
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID publish(String topic, String key, String type, String subject, Object payload) {
		UUID eventId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO outbox_event (event_id, topic, message_key, ce_type, ce_subject, payload, created_at)
				VALUES (:eventId, :topic, :key, :type, :subject, CAST(:payload AS json), :createdAt)
				""")
			.param("eventId", eventId)
			.param("topic", topic)
			.param("key", key)
			.param("type", type)
			.param("subject", subject)
			.param("payload", this.jsonMapper.writeValueAsString(payload))
			.param("createdAt", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		return eventId;
	}

}
