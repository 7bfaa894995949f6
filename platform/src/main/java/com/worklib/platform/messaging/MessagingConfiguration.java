package com.worklib.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import com.worklib.contracts.Topics;

/**
 * Outbox, relay, inbox, topics and the error handler every listener container uses: a
 * dependency that is away ({@link TransientFailures}: the database, the broker, Keycloak)
 * is waited for with exponential back-off (at most {@code transient-max-interval} between
 * tries) for as long as it takes, so an outage loses nothing; other failures are retried
 * for {@code max-elapsed}, then the record goes to {@code <topic>.dlt}; poison records go
 * there at once. Nothing is silently dropped, and ops replay a dead letter once fixed
 * ({@link DeadLetters}).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration" })
@EnableScheduling
public class MessagingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventPublisher eventPublisher(NamedParameterJdbcTemplate jdbc, JsonMapper jsonMapper, Clock clock) {
		return new EventPublisher(jdbc, jsonMapper, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "worklib.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
	OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${spring.application.name}") String applicationName,
			@Value("${worklib.outbox.batch-size:100}") int batchSize,
			@Value("${worklib.outbox.send-timeout:10s}") Duration sendTimeout) {
		return new OutboxRelay(jdbc, kafka, new TransactionTemplate(transactionManager), clock,
				"/worklib/" + applicationName, batchSize, sendTimeout);
	}

	@Bean
	@ConditionalOnMissingBean
	Inbox inbox(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper jsonMapper, Clock clock) {
		return new Inbox(jdbc, new TransactionTemplate(transactionManager), jsonMapper, clock);
	}

	/** The ops endpoint of the dead letters, in services with a public API. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "worklib.api.base-path")
	@org.springframework.context.annotation.Import(DeadLetterController.class)
	static class DeadLetterApi {

	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetters deadLetters(ObjectProvider<KafkaListenerEndpointRegistry> registry,
			ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new DeadLetters(registry, consumers, kafka, jdbc, new TransactionTemplate(transactionManager), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka,
			@Value("${worklib.kafka.retry.initial-interval:200ms}") Duration initialInterval,
			@Value("${worklib.kafka.retry.max-interval:5s}") Duration maxInterval,
			@Value("${worklib.kafka.retry.max-elapsed:20s}") Duration maxElapsed,
			@Value("${worklib.kafka.retry.transient-max-interval:30s}") Duration transientMaxInterval) {
		// partition -1: let the producer choose, so a DLT may have fewer partitions than
		// its source
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
		backOff.setMaxInterval(maxInterval.toMillis());
		backOff.setMaxElapsedTime(maxElapsed.toMillis());
		// unlimited elapsed time; each wait stays far below max.poll.interval.ms, and the
		// container polls between tries, so the consumer keeps its partitions
		ExponentialBackOff untilBack = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
		untilBack.setMaxInterval(transientMaxInterval.toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? untilBack : null);
		handler.addNotRetryableExceptions(PoisonEventException.class, JacksonException.class,
				DeserializationException.class, IllegalArgumentException.class);
		return handler;
	}

	@Bean
	@ConditionalOnProperty(name = "worklib.kafka.create-topics", havingValue = "true", matchIfMissing = true)
	KafkaAdmin.NewTopics worklibTopics(@Value("${worklib.kafka.replication-factor:1}") short replicationFactor) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.all()) {
			topics.add(new NewTopic(topic, Topics.partitions(topic), replicationFactor));
			topics.add(new NewTopic(Topics.deadLetter(topic), 1, replicationFactor));
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

}
