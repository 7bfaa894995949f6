package com.worklib.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import com.worklib.contracts.Topics;
import com.worklib.platform.app.PlatformTestApp;
import com.worklib.platform.app.PlatformTestApp.WidgetService;
import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox and inbox on real PostgreSQL and real Kafka. */
@SpringBootTest(classes = PlatformTestApp.class)
@WithPostgres
@WithKafka
class OutboxInboxIT {

	@Autowired
	WidgetService widgets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Environment environment;

	@Test
	void publishesAnEventWithCloudEventsHeadersWhenItsTransactionCommits() {
		PlatformTestApp.Widget widget = this.widgets.create("committed-" + UUID.randomUUID());

		ConsumerRecord<String, String> record = awaitRecord(PlatformTestApp.TOPIC,
				r -> r.value().contains(widget.name()));
		assertThat(record.key()).isEqualTo(widget.id().toString());
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_type")).isEqualTo("test.WidgetCreated");
		assertThat(header(record, "ce_source")).isEqualTo("/worklib/platform-test-app");
		assertThat(header(record, "ce_subject")).isEqualTo(widget.id().toString());
		assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
		assertThat(header(record, "ce_time")).isNotBlank();
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
				.query(Long.class)
				.single() == 0);
	}

	@Test
	void publishesNothingWhenTheTransactionRollsBack() {
		String doomed = "rolled-back-" + UUID.randomUUID();
		assertThatThrownBy(() -> this.widgets.createThenFail(doomed)).hasMessageContaining("boom");
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE payload->>'name' = :n")
			.param("n", doomed)
			.query(Long.class)
			.single()).isZero();

		// a later committed event arrives, and the rolled-back one never did before it
		PlatformTestApp.Widget marker = this.widgets.create("marker-" + UUID.randomUUID());
		List<ConsumerRecord<String, String>> seen = readUntil(PlatformTestApp.TOPIC,
				r -> r.value().contains(marker.name()));
		assertThat(seen).noneMatch(r -> r.value().contains(doomed));
		assertThat(this.jdbc.sql("SELECT count(*) FROM widget WHERE name = :n")
			.param("n", doomed)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void publishesAnEventLeftPendingWhenTheServiceStoppedAfterItRestarts() {
		String url = this.environment.getProperty("spring.datasource.url");
		String name = "pending-" + UUID.randomUUID();
		try (ConfigurableApplicationContext stopped = start(url, false)) {
			stopped.getBean(WidgetService.class).create(name);
			assertThat(stopped.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND payload->>'name' = :n")
				.param("n", name)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		try (ConfigurableApplicationContext restarted = start(url, true)) {
			ConsumerRecord<String, String> record = awaitRecord(PlatformTestApp.TOPIC, r -> r.value().contains(name));
			assertThat(header(record, "ce_type")).isEqualTo("test.WidgetCreated");
		}
	}

	@Test
	void appliesARedeliveredEventOnce() {
		String eventId = UUID.randomUUID().toString();
		String name = "redelivered-" + eventId;
		for (int i = 0; i < 3; i++) {
			this.kafka
				.send(cloudEvent(PlatformTestApp.TOPIC, eventId,
						"{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\"}"))
				.join();
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM inbox_event WHERE event_id = :e")
				.param("e", eventId)
				.query(Long.class)
				.single() == 1);
		// the three copies were consumed in order; a later event proves all three were
		// seen
		String laterId = UUID.randomUUID().toString();
		this.kafka
			.send(cloudEvent(PlatformTestApp.TOPIC, laterId,
					"{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"later-" + laterId + "\"}"))
			.join();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM widget_effect WHERE event_id = :e")
				.param("e", laterId)
				.query(Long.class)
				.single() == 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM widget_effect WHERE name = :n")
			.param("n", name)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void sendsAPoisonRecordToTheDeadLetterTopic() {
		String eventId = UUID.randomUUID().toString();
		this.kafka.send(cloudEvent(PlatformTestApp.TOPIC, eventId, "{not json at all")).join();

		ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(PlatformTestApp.TOPIC),
				r -> eventId.equals(header(r, "ce_id")));
		assertThat(dead.value()).isEqualTo("{not json at all");
		assertThat(header(dead, "kafka_dlt-exception-message")).contains(eventId);
		assertThat(this.jdbc.sql("SELECT count(*) FROM inbox_event WHERE event_id = :e")
			.param("e", eventId)
			.query(Long.class)
			.single()).as("a dead event is not recorded as processed").isZero();
	}

	@Test
	void retriesAFailureThatIsNotADependencyBrieflyThenSendsItToTheDeadLetterTopicWithoutApplyingIt() {
		String eventId = UUID.randomUUID().toString();
		this.kafka
			.send(cloudEvent(PlatformTestApp.TOPIC, eventId,
					"{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"failing-" + eventId + "\"}"))
			.join();

		ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(PlatformTestApp.TOPIC),
				r -> eventId.equals(header(r, "ce_id")));
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("cannot apply failing-");
		assertThat(this.jdbc.sql("SELECT count(*) FROM inbox_event WHERE event_id = :e")
			.param("e", eventId)
			.query(Long.class)
			.single()).as("the failed attempt rolled back its inbox row").isZero();
	}

	/**
	 * The database refuses connections for three times the bounded retry time (1 s here,
	 * 20 s by default): the record waits for it instead of being dead-lettered, and is
	 * applied once it is back.
	 */
	@Test
	void waitsForADatabaseThatIsDownAsLongAsItTakesAndAppliesTheEventOnceItIsBack() {
		String eventId = UUID.randomUUID().toString();
		String name = "db-down-until-" + (System.currentTimeMillis() + 3_000);
		this.kafka
			.send(cloudEvent(PlatformTestApp.TOPIC, eventId,
					"{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\"}"))
			.join();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM widget_effect WHERE event_id = :e")
				.param("e", eventId)
				.query(Long.class)
				.single() == 1);
		assertThat(this.deadLetters.list()).as("nothing dead-lettered")
			.noneMatch(letter -> eventId.equals(letter.eventId()));
	}

	@Autowired
	DeadLetters deadLetters;

	/**
	 * A record dead-lettered by a bug is listed for ops; once the bug is fixed, replaying
	 * it applies it, once, and a second replay is refused.
	 */
	@Test
	void opsListAndReplayADeadLetterWhichThenTakesEffectOnce() {
		String eventId = UUID.randomUUID().toString();
		String name = "broken-" + eventId;
		PlatformTestApp.BROKEN.add(name);
		this.kafka
			.send(cloudEvent(PlatformTestApp.TOPIC, eventId,
					"{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\"}"))
			.join();
		ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(PlatformTestApp.TOPIC),
				r -> eventId.equals(header(r, "ce_id")));

		DeadLetters.DeadLetter listed = this.deadLetters.list()
			.stream()
			.filter(l -> eventId.equals(l.eventId()))
			.findFirst()
			.orElseThrow();
		assertThat(listed.originalTopic()).isEqualTo(PlatformTestApp.TOPIC);
		assertThat(listed.consumerGroup()).isEqualTo("widget-effects");
		assertThat(listed.failure()).contains("IllegalStateException").contains("cannot apply " + name);
		assertThat(listed.eventType()).isEqualTo("test.WidgetCreated");
		assertThat(listed.replayed()).isNull();

		PlatformTestApp.BROKEN.remove(name);
		DeadLetters.DeadLetter replayed = this.deadLetters.replay(dead.topic(), dead.partition(), dead.offset(),
				UUID.randomUUID());
		assertThat(replayed.replayed()).isNotNull();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM widget_effect WHERE event_id = :e")
				.param("e", eventId)
				.query(Long.class)
				.single() == 1);
		assertThatThrownBy(
				() -> this.deadLetters.replay(dead.topic(), dead.partition(), dead.offset(), UUID.randomUUID()))
			.isInstanceOf(com.worklib.platform.domain.ConflictException.class)
			.hasMessageContaining("replayed already");
		assertThat(this.deadLetters.list()
			.stream()
			.filter(l -> eventId.equals(l.eventId()))
			.findFirst()
			.orElseThrow()
			.replayed()).isNotNull();
		// delivered again by hand (as a second replay would): the inbox applies it once
		this.kafka.send(cloudEvent(PlatformTestApp.TOPIC, eventId, dead.value())).join();
		String later = UUID.randomUUID().toString();
		this.kafka
			.send(cloudEvent(PlatformTestApp.TOPIC, later,
					"{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"later-" + later + "\"}"))
			.join();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM widget_effect WHERE event_id = :e")
				.param("e", later)
				.query(Long.class)
				.single() == 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM widget_effect WHERE event_id = :e")
			.param("e", eventId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private ConfigurableApplicationContext start(String datasourceUrl, boolean relay) {
		return new SpringApplicationBuilder(PlatformTestApp.class).run("--spring.datasource.url=" + datasourceUrl,
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.kafka.bootstrap-servers=" + KafkaSupport.bootstrapServers(),
				"--worklib.outbox.relay-enabled=" + relay, "--test.widget-listener=false",
				"--worklib.memberships.listener-enabled=false", "--server.port=0", "--worklib.outbox.initial-delay=0s");
	}

	static ProducerRecord<String, String> cloudEvent(String topic, String id, String payload) {
		return KafkaSupport.cloudEvent(topic, "key-" + id, id, "test.WidgetCreated", payload);
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		return KafkaSupport.header(record, name);
	}

	static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
		return KafkaSupport.awaitRecord(topic, match);
	}

	static List<ConsumerRecord<String, String>> readUntil(String topic,
			Predicate<ConsumerRecord<String, String>> match) {
		return KafkaSupport.readUntil(topic, match, Duration.ofSeconds(30));
	}

}
