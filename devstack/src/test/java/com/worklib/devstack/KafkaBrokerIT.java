package com.worklib.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.worklib.platform.test.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's standalone broker keeps its data across a restart, as `./worklib up`
 * promises.
 */
class KafkaBrokerIT {

	@TempDir
	Path home;

	@Test
	void keepsRecordsAcrossARestart() throws Exception {
		int port = FreePorts.find();
		int controller = FreePorts.find();
		Path log = this.home.resolve("kafka.log");
		try (KafkaBroker broker = new KafkaBroker(this.home.resolve("kafka"), port, controller, log)
			.start(Duration.ofMinutes(2))) {
			try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					broker.bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
					ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
				producer.send(new ProducerRecord<>("devstack.smoke.v1", "k", "before restart")).get();
			}
		}
		assertThat(FreePorts.isListening(port)).as("stopped").isFalse();
		assertThat(Files.exists(this.home.resolve("kafka/data/meta.properties"))).isTrue();

		try (KafkaBroker broker = new KafkaBroker(this.home.resolve("kafka"), port, controller, log)
			.start(Duration.ofMinutes(2));
				var consumer = new KafkaConsumer<String, String>(
						Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
								ConsumerConfig.GROUP_ID_CONFIG, "smoke", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
								"earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
								ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of("devstack.smoke.v1"));
			String value = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (value == null && System.nanoTime() < deadline) {
				for (var record : consumer.poll(Duration.ofMillis(500))) {
					value = record.value();
				}
			}
			assertThat(value).isEqualTo("before restart");
		}
	}

}
