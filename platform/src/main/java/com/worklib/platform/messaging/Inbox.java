package com.worklib.platform.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each consumed event once per consumer: the event id is recorded in
 * {@code inbox_event} in the same transaction as its effect, so a redelivery after a
 * crash or a rebalance changes nothing.
 */
public class Inbox {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	public Inbox(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper jsonMapper, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Runs {@code effect} with the payload read as {@code type}, unless this consumer
	 * already processed the event.
	 * @return true if the effect ran, false for a duplicate
	 */
	public <T> boolean process(String consumer, IncomingEvent event, Class<T> type, Function<T, ?> effect) {
		T payload = event.payloadAs(this.jsonMapper, type);
		Boolean applied = this.transactions.execute(status -> {
			int inserted = this.jdbc.sql("""
					INSERT INTO inbox_event (consumer, event_id, ce_type, processed_at)
					VALUES (:consumer, :eventId, :type, :now) ON CONFLICT DO NOTHING
					""")
				.param("consumer", consumer)
				.param("eventId", event.id())
				.param("type", event.type())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			if (inserted == 0) {
				return false;
			}
			effect.apply(payload);
			return true;
		});
		return Boolean.TRUE.equals(applied);
	}

}
