package com.worklib.platform.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A consumed CloudEvent: its attributes from the {@code ce_} headers and its JSON
 * payload. A record without {@code ce_id} or {@code ce_type} cannot be applied
 * idempotently and is a poison record.
 */
public record IncomingEvent(String id, String type, String source, String subject, String time, String topic,
		String key, String payload) {

	public static IncomingEvent from(ConsumerRecord<String, String> record) {
		String id = header(record, CloudEventHeaders.ID);
		String type = header(record, CloudEventHeaders.TYPE);
		if (id == null || id.isBlank() || type == null || type.isBlank()) {
			throw new PoisonEventException("Record at " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " has no ce_id or ce_type header");
		}
		if (record.value() == null) {
			throw new PoisonEventException("Event " + id + " has no payload");
		}
		return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE),
				header(record, CloudEventHeaders.SUBJECT), header(record, CloudEventHeaders.TIME), record.topic(),
				record.key(), record.value());
	}

	/**
	 * The payload read as {@code type}; an unreadable one is a poison event (to the DLT).
	 */
	public <T> T payloadAs(tools.jackson.databind.json.JsonMapper json, Class<T> type) {
		try {
			return json.readValue(this.payload, type);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new PoisonEventException(
					"Event " + this.id + " of type " + this.type + " is not a readable " + type.getSimpleName(), ex);
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
