package com.worklib.platform.test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded KRaft Kafka broker per JVM; topics are created on first use with 6
 * partitions.
 */
public final class KafkaSupport {

	private static volatile EmbeddedKafkaBroker broker;

	private KafkaSupport() {
	}

	public static String bootstrapServers() {
		return broker().getBrokersAsString();
	}

	public static EmbeddedKafkaBroker broker() {
		EmbeddedKafkaBroker b = broker;
		if (b == null) {
			synchronized (KafkaSupport.class) {
				b = broker;
				if (b == null) {
					EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, 6);
					kraft.brokerProperties(java.util.Map.of("auto.create.topics.enable", "true", "num.partitions", "6",
							"group.initial.rebalance.delay.ms", "0"));
					b = kraft;
					b.afterPropertiesSet();
					Runtime.getRuntime().addShutdownHook(new Thread(b::destroy));
					broker = b;
				}
			}
		}
		return b;
	}

}
