package com.worklib.platform.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an event in the outbox table inside the caller's transaction: the event exists
 * if and only if the state change commits. {@link OutboxRelay} publishes it afterwards,
 * at least once.
 */
public class EventPublisher {

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	public EventPublisher(NamedParameterJdbcTemplate jdbc, JsonMapper jsonMapper, Clock clock) {
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
		return publishAll(List.of(new OutgoingEvent(topic, key, type, subject, payload))).get(0);
	}

	/** Records many events in one JDBC batch, in list order: what bulk imports use. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> publishAll(List<OutgoingEvent> events) {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<UUID> ids = new ArrayList<>(events.size());
		SqlParameterSource[] batch = new SqlParameterSource[events.size()];
		for (int i = 0; i < events.size(); i++) {
			OutgoingEvent event = events.get(i);
			UUID eventId = UUID.randomUUID();
			ids.add(eventId);
			batch[i] = new MapSqlParameterSource().addValue("eventId", eventId)
				.addValue("topic", event.topic())
				.addValue("key", event.key())
				.addValue("type", event.type())
				.addValue("subject", event.subject())
				.addValue("payload", this.jsonMapper.writeValueAsString(event.payload()))
				.addValue("createdAt", now);
		}
		this.jdbc.batchUpdate("""
				INSERT INTO outbox_event (event_id, topic, message_key, ce_type, ce_subject, payload, created_at)
				VALUES (:eventId, :topic, :key, :type, :subject, CAST(:payload AS json), :createdAt)
				""", batch);
		return ids;
	}

	/**
	 * An event to record: {@code key} is the partition key (the aggregate id, or the
	 * partner id for partner-scoped aggregates), {@code subject} the aggregate id.
	 */
	public record OutgoingEvent(String topic, String key, String type, String subject, Object payload) {
	}

}
