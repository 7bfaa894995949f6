package com.worklib.platform.test;

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

	private static EmbeddedKafkaBroker start() {
		EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, 6);
		kraft.brokerProperties(java.util.Map.of("auto.create.topics.enable", "true", "num.partitions", "6",
				"group.initial.rebalance.delay.ms", "0"));
		kraft.afterPropertiesSet();
		return kraft;
	}

}
