package com.worklib.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded KRaft Kafka broker per JVM; topics are created on first use with 6
 * partitions.
 */
public final class KafkaSupport {

	private static final JvmSingleton<EmbeddedKafkaBroker> BROKER = new JvmSingleton<>(KafkaSupport::start,
			EmbeddedKafkaBroker::destroy);

	private KafkaSupport() {
	}

	public static String bootstrapServers() {
		return broker().getBrokersAsString();
	}

	public static EmbeddedKafkaBroker broker() {
		return BROKER.get();
	}

	/**
	 * Reads {@code topic} from its beginning, as a new consumer group, until a record
	 * matches or {@code timeout} passes; returns every record read, the match last.
	 * @throws AssertionError when nothing matched
	 */
	public static List<ConsumerRecord<String, String>> readUntil(String topic,
			Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
		List<ConsumerRecord<String, String>> seen = new ArrayList<>();
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
					seen.add(record);
					if (match.test(record)) {
						return seen;
					}
				}
			}
		}
		throw new AssertionError("No matching record on " + topic + " within " + timeout + "; read " + seen.size());
	}

	/** The last record of {@link #readUntil}: the one that matched. */
	public static ConsumerRecord<String, String> awaitRecord(String topic,
			Predicate<ConsumerRecord<String, String>> match) {
		List<ConsumerRecord<String, String>> seen = readUntil(topic, match, Duration.ofSeconds(30));
		return seen.get(seen.size() - 1);
	}

	/**
	 * A record as a Worklib service publishes it: CloudEvents binary mode, JSON payload.
	 */
	public static ProducerRecord<String, String> cloudEvent(String topic, String key, String eventId, String type,
			String payload) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)));
		record.headers().add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
		record.headers().add(new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)));
		record.headers().add(new RecordHeader("ce_source", "/tests".getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static EmbeddedKafkaBroker start() {
		EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, 6);
		kraft.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "6",
				"group.initial.rebalance.delay.ms", "0"));
		kraft.afterPropertiesSet();
		return kraft;
	}

}
