package com.worklib.billing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Listener factories for consumers whose effect is idempotent: offsets are committed once
 * per poll (a crash redelivers at most one poll, which changes nothing).
 */
@Configuration(proxyBeanMethods = false)
class BatchListeners {

	/** A whole poll handed to the listener (billable item ingest). */
	@Bean
	ConcurrentKafkaListenerContainerFactory<String, String> batchListenerContainerFactory(
			ConsumerFactory<String, String> consumerFactory, DefaultErrorHandler errorHandler) {
		ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumerFactory);
		factory.setBatchListener(true);
		factory.setCommonErrorHandler(errorHandler);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		return factory;
	}

	/** One record at a time, offsets committed per poll (close commands). */
	@Bean
	ConcurrentKafkaListenerContainerFactory<String, String> idempotentListenerContainerFactory(
			ConsumerFactory<String, String> consumerFactory, DefaultErrorHandler errorHandler) {
		ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumerFactory);
		factory.setCommonErrorHandler(errorHandler);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		return factory;
	}

}
