package com.worklib.platform.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.contracts.Topics;
import com.worklib.platform.domain.ConflictException;
import com.worklib.platform.domain.NotFoundException;

/**
 * The dead letters of this service's consumers, for ops: each {@code <topic>.dlt} record
 * that one of this service's consumer groups gave up on, with why, and a replay that
 * sends the record back to its topic with its CloudEvent headers (its {@code ce_id}
 * unchanged, so every consumer that already applied it skips it in its inbox: a replayed
 * record takes effect once). A record is replayed at most once; replays are recorded in
 * {@code dead_letter_replay}.
 */
public class DeadLetters {

	/** The most records one listing reads from one dead-letter topic. */
	static final int MAX_LISTED = 500;

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

	private final ConsumerFactory<String, String> consumers;

	private final KafkaTemplate<String, String> kafka;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public DeadLetters(ObjectProvider<KafkaListenerEndpointRegistry> registry,
			ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock) {
		this.registry = registry;
		this.consumers = consumers;
		this.kafka = kafka;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record DeadLetter(String topic, int partition, long offset, String originalTopic, String consumerGroup,
			String eventId, String eventType, String subject, String failure, Instant failedAt, Replay replayed) {
	}

	public record Replay(Instant replayedAt, UUID replayedBy) {
	}

	/** Every dead letter of this service's consumer groups, oldest first. */
	public List<DeadLetter> list() {
		Map<String, List<String>> groupsByTopic = consumedTopics();
		List<DeadLetter> letters = new ArrayList<>();
		try (Consumer<String, String> consumer = reader()) {
			for (Map.Entry<String, List<String>> consumed : groupsByTopic.entrySet()) {
				String dlt = Topics.deadLetter(consumed.getKey());
				for (ConsumerRecord<String, String> record : readAll(consumer, dlt)) {
					DeadLetter letter = describe(record);
					if (consumed.getValue().contains(letter.consumerGroup())) {
						letters.add(letter);
					}
				}
			}
		}
		letters.sort(Comparator.comparing(DeadLetter::failedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
		return letters;
	}

	/**
	 * Sends the dead letter at {@code topic/partition/offset} back to its topic.
	 * @throws NotFoundException when no such dead letter of this service exists;
	 * {@link ConflictException} when it was replayed already
	 */
	public DeadLetter replay(String topic, int partition, long offset, UUID by) {
		ConsumerRecord<String, String> record;
		try (Consumer<String, String> consumer = reader()) {
			record = readOne(consumer, new TopicPartition(topic, partition), offset)
				.orElseThrow(() -> new NotFoundException("Dead letter " + topic + "/" + partition + "/" + offset));
		}
		DeadLetter letter = describe(record);
		List<String> groups = consumedTopics().get(letter.originalTopic());
		if (groups == null || !groups.contains(letter.consumerGroup())) {
			throw new NotFoundException("Dead letter " + topic + "/" + partition + "/" + offset);
		}
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult(status -> {
			int recorded = this.jdbc
				.sql("""
						INSERT INTO dead_letter_replay (dlt_topic, dlt_partition, dlt_offset, event_id, replayed_at, replayed_by)
						VALUES (:t, :p, :o, :e, :at, :by) ON CONFLICT DO NOTHING
						""")
				.param("t", topic)
				.param("p", partition)
				.param("o", offset)
				.param("e", letter.eventId())
				.param("at", Timestamp.from(now))
				.param("by", by)
				.update();
			if (recorded == 0) {
				throw new ConflictException(
						"Dead letter " + topic + "/" + partition + "/" + offset + " was replayed already");
			}
			ProducerRecord<String, String> again = new ProducerRecord<>(letter.originalTopic(), record.key(),
					record.value());
			for (Header header : record.headers()) {
				if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-")) {
					again.headers().add(header);
				}
			}
			try {
				// sent before the replay row commits: a failed send leaves it replayable
				this.kafka.send(again).get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new DependencyUnavailableException("The dead letter could not be sent back: " + ex.getMessage(),
						ex);
			}
		});
		return new DeadLetter(letter.topic(), letter.partition(), letter.offset(), letter.originalTopic(),
				letter.consumerGroup(), letter.eventId(), letter.eventType(), letter.subject(), letter.failure(),
				letter.failedAt(), new Replay(now, by));
	}

	/** Topic → the consumer groups of this service that read it. */
	private Map<String, List<String>> consumedTopics() {
		Map<String, List<String>> topics = new LinkedHashMap<>();
		KafkaListenerEndpointRegistry listeners = this.registry.getIfAvailable();
		if (listeners == null) {
			return topics;
		}
		for (MessageListenerContainer container : listeners.getAllListenerContainers()) {
			String[] names = container.getContainerProperties().getTopics();
			if (names == null) {
				continue;
			}
			for (String topic : names) {
				topics.computeIfAbsent(topic, t -> new ArrayList<>()).add(container.getGroupId());
			}
		}
		return topics;
	}

	private Consumer<String, String> reader() {
		java.util.Properties overrides = new java.util.Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
		// no group: this reader assigns partitions itself and commits nothing
		return this.consumers.createConsumer(null, "dead-letters", null, overrides);
	}

	private static List<ConsumerRecord<String, String>> readAll(Consumer<String, String> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT)
			.stream()
			.map(p -> new TopicPartition(topic, p.partition()))
			.toList();
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		if (partitions.isEmpty()) {
			return records;
		}
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
		long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
		while (records.size() < MAX_LISTED && System.nanoTime() < deadline
				&& partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
			for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
				if (records.size() < MAX_LISTED) {
					records.add(record);
				}
			}
		}
		return records;
	}

	private static Optional<ConsumerRecord<String, String>> readOne(Consumer<String, String> consumer,
			TopicPartition partition, long offset) {
		if (consumer.partitionsFor(partition.topic(), READ_TIMEOUT)
			.stream()
			.noneMatch(p -> p.partition() == partition.partition())) {
			return Optional.empty();
		}
		consumer.assign(List.of(partition));
		long end = consumer.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
		if (offset < 0 || offset >= end) {
			return Optional.empty();
		}
		consumer.seek(partition, offset);
		long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
				if (record.offset() == offset) {
					return Optional.of(record);
				}
				if (record.offset() > offset) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	private DeadLetter describe(ConsumerRecord<String, String> record) {
		String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		Replay replayed = this.jdbc
			.sql("SELECT replayed_at, replayed_by FROM dead_letter_replay "
					+ "WHERE dlt_topic = :t AND dlt_partition = :p AND dlt_offset = :o")
			.param("t", record.topic())
			.param("p", record.partition())
			.param("o", record.offset())
			.query((rs, i) -> new Replay(rs.getTimestamp("replayed_at").toInstant(),
					rs.getObject("replayed_by", UUID.class)))
			.optional()
			.orElse(null);
		Header timestamp = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
		Instant failedAt = timestamp != null && timestamp.value().length == Long.BYTES
				? Instant.ofEpochMilli(ByteBuffer.wrap(timestamp.value()).getLong())
				: Instant.ofEpochMilli(record.timestamp());
		// the listener's exception wraps the one that says what went wrong
		String cause = text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		String failure = cause != null ? cause : text(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
		String message = text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				originalTopic != null ? originalTopic : record.topic().replaceFirst("\\.dlt$", ""),
				text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), text(record, CloudEventHeaders.ID),
				text(record, CloudEventHeaders.TYPE), text(record, CloudEventHeaders.SUBJECT),
				failure == null ? message : failure + ": " + message, failedAt, replayed);
	}

	private static String text(ConsumerRecord<String, String> record, String header) {
		Header value = record.headers().lastHeader(header);
		return value == null ? null : new String(value.value(), StandardCharsets.UTF_8);
	}

}
