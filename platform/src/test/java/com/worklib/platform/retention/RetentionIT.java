package com.worklib.platform.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.worklib.platform.app.PlatformTestApp;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What retention deletes: published outbox rows after a day and processed inbox rows
 * after 30 days, by the clock; never an event still waiting to be published. (The relay
 * is off here, so the pending row stays pending.)
 */
@SpringBootTest(classes = PlatformTestApp.class, properties = "worklib.outbox.relay-enabled=false")
@WithPostgres
@WithKafka
class RetentionIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<RetentionRule> rules;

	long outbox(String key) {
		return this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE message_key = :k")
			.param("k", key)
			.query(Long.class)
			.single();
	}

	void outboxRow(String key, Instant createdAt, Instant publishedAt) {
		this.jdbc
			.sql("""
					INSERT INTO outbox_event (event_id, topic, message_key, ce_type, ce_subject, payload, created_at, published_at)
					VALUES (:id, 'retention-test.v1', :k, 'test.Old', 's', CAST('{}' AS json), :c, :p)
					""")
			.param("id", UUID.randomUUID())
			.param("k", key)
			.param("c", Timestamp.from(createdAt))
			.param("p", publishedAt == null ? null : Timestamp.from(publishedAt))
			.update();
	}

	void inboxRow(String consumer, Instant processedAt) {
		this.jdbc.sql("INSERT INTO inbox_event (consumer, event_id, ce_type, processed_at) VALUES (:c, :e, 't', :at)")
			.param("c", consumer)
			.param("e", UUID.randomUUID().toString())
			.param("at", Timestamp.from(processedAt))
			.update();
	}

	@Test
	void deletesPublishedOutboxRowsAfterADayAndProcessedInboxRowsAfterThirtyDaysButNeverAPendingEvent() {
		Instant now = Instant.parse("2030-06-15T10:00:00Z");
		String key = "retention-" + UUID.randomUUID();
		outboxRow(key + "-old-published", now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(25)));
		outboxRow(key + "-recent-published", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
		outboxRow(key + "-old-pending", now.minus(Duration.ofDays(40)), null);
		String consumer = "retention-" + UUID.randomUUID();
		inboxRow(consumer, now.minus(Duration.ofDays(31)));
		inboxRow(consumer, now.minus(Duration.ofDays(29)));

		var deleted = new Retention(this.jdbc, this.rules, Clock.fixed(now, ZoneOffset.UTC)).run();

		assertThat(deleted).containsKeys("outbox", "inbox");
		assertThat(outbox(key + "-old-published")).isZero();
		assertThat(outbox(key + "-recent-published")).isEqualTo(1);
		assertThat(outbox(key + "-old-pending")).as("an event not yet in Kafka is never lost").isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM inbox_event WHERE consumer = :c")
			.param("c", consumer)
			.query(Long.class)
			.single()).isEqualTo(1);
		// other tests' relays must not publish the pending row
		this.jdbc.sql("DELETE FROM outbox_event WHERE message_key LIKE :k").param("k", key + "%").update();
	}

	@Test
	void aRuleKeepsRowsForSomeTimeAndNamesItsTablePlainly() {
		assertThatThrownBy(() -> new RetentionRule("x", Duration.ZERO, "outbox_event", "published_at", null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RetentionRule("x", Duration.ofDays(1), "outbox_event; DROP", "c", null))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
