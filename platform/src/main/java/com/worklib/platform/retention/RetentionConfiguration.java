package com.worklib.platform.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's own rules (published outbox rows, processed inbox rows) and the job that
 * applies every rule of the service. Services add theirs as {@link RetentionRule} beans.
 * Periods are {@code worklib.retention.<name>}; the runbook lists them.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnBean(JdbcClient.class)
@ConditionalOnProperty(name = "worklib.retention.enabled", havingValue = "true", matchIfMissing = true)
public class RetentionConfiguration {

	/** A published event is in Kafka; its row only helps to debug the relay for a day. */
	@Bean
	RetentionRule outboxRetention(@Value("${worklib.retention.outbox:1d}") Duration keep) {
		return new RetentionRule("outbox", keep, "outbox_event", "published_at", null);
	}

	/**
	 * Longer than Kafka keeps a record (7 days) and than a dead letter waits for its
	 * replay: a redelivery inside that window is recognised. Past it, versions keep
	 * upserts right.
	 */
	@Bean
	RetentionRule inboxRetention(@Value("${worklib.retention.inbox:30d}") Duration keep) {
		return new RetentionRule("inbox", keep, "inbox_event", "processed_at", null);
	}

	@Bean
	Retention retention(JdbcClient jdbc, List<RetentionRule> rules, Clock clock) {
		return new Retention(jdbc, rules, clock);
	}

}
