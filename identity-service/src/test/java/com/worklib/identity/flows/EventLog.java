package com.worklib.identity.flows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.worklib.platform.test.KafkaSupport;

/**
 * Reads what identity-service published, as notification-service and the other services
 * will: the stand-in for a mailbox until notification-service sends the mails.
 */
final class EventLog {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private EventLog() {
	}

	/**
	 * Waits for a record on {@code topic} whose JSON payload matches, and returns the
	 * payload.
	 */
	static JsonNode await(String topic, Predicate<JsonNode> match) {
		List<JsonNode> all = readAll(topic, match, Duration.ofSeconds(20));
		if (all.isEmpty()) {
			throw new AssertionError("Nothing matching on " + topic);
		}
		return all.get(all.size() - 1);
	}

	/**
	 * Everything on {@code topic} that matches, read for at most {@code wait} once one
	 * matched.
	 */
	static List<JsonNode> readAll(String topic, Predicate<JsonNode> match, Duration wait) {
		List<JsonNode> found = new ArrayList<>();
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				KafkaSupport.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + wait.toNanos();
			int emptyPolls = 0;
			while (System.nanoTime() < deadline && (found.isEmpty() || emptyPolls < 3)) {
				var records = consumer.poll(Duration.ofMillis(300));
				emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
				for (var record : records) {
					JsonNode payload = JSON.readTree(record.value());
					if (match.test(payload)) {
						found.add(payload);
					}
				}
			}
		}
		return found;
	}

	static String mailLink(String to, String kind) {
		return await(com.worklib.contracts.Topics.IDENTITY_NOTIFICATIONS,
				m -> to.equals(m.path("to").asString()) && kind.equals(m.path("kind").asString()))
			.get("link")
			.asString();
	}

	static String tokenOf(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	static ProducerRecord<String, String> cloudEvent(String topic, String key, String type, String payload) {
		return KafkaSupport.cloudEvent(topic, key, UUID.randomUUID().toString(), type, payload);
	}

}
