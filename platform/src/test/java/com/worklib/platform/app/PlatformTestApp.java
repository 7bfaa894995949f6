package com.worklib.platform.app;

import java.sql.SQLTransientConnectionException;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.domain.ConflictException;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.messaging.IncomingEvent;
import com.worklib.platform.messaging.Inbox;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;

/** A small service built on the platform, as a real service would be. */
@SpringBootApplication
public class PlatformTestApp {

	public static final String TOPIC = "platform-test.widgets.v1";

	public record Widget(UUID id, String name) {
	}

	public record CreateWidget(@NotBlank @Size(max = 20) String name, @Max(10) int count) {
	}

	@Service
	public static class WidgetService {

		private final JdbcClient jdbc;

		private final EventPublisher events;

		WidgetService(JdbcClient jdbc, EventPublisher events) {
			this.jdbc = jdbc;
			this.events = events;
		}

		@Transactional
		public Widget create(String name) {
			Widget widget = new Widget(UUID.randomUUID(), name);
			this.jdbc.sql("INSERT INTO widget (id, name) VALUES (:id, :name)")
				.param("id", widget.id())
				.param("name", name)
				.update();
			this.events.publish(TOPIC, widget.id().toString(), "test.WidgetCreated", widget.id().toString(), widget);
			return widget;
		}

		@Transactional
		public Widget createThenFail(String name) {
			create(name);
			throw new IllegalStateException("boom after publishing " + name);
		}

	}

	/**
	 * Names whose events fail as a bug would (not a dependency): retried briefly, then
	 * dead-lettered. A test removes a name to "fix the bug" before replaying.
	 */
	public static final java.util.Set<String> BROKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** Applies widget events once each, recording the effect. */
	public static class WidgetListener {

		private final Inbox inbox;

		private final JdbcClient jdbc;

		WidgetListener(Inbox inbox, JdbcClient jdbc) {
			this.inbox = inbox;
			this.jdbc = jdbc;
		}

		@KafkaListener(topics = TOPIC, groupId = "widget-effects")
		public void on(ConsumerRecord<String, String> record) {
			IncomingEvent event = IncomingEvent.from(record);
			this.inbox.process("widget-effects", event, Widget.class, widget -> {
				if (widget.name().startsWith("failing-") || BROKEN.contains(widget.name())) {
					throw new IllegalStateException("cannot apply " + widget.name());
				}
				// "db-down-until-<epoch millis>": the database refuses connections until
				// then
				if (widget.name().startsWith("db-down-until-")
						&& System.currentTimeMillis() < Long.parseLong(widget.name().substring(14))) {
					throw new CannotGetJdbcConnectionException("Connection refused",
							new SQLTransientConnectionException("Connection to 127.0.0.1 refused"));
				}
				return this.jdbc.sql("INSERT INTO widget_effect (event_id, name) VALUES (:e, :n)")
					.param("e", event.id())
					.param("n", widget.name())
					.update();
			});
		}

	}

	@org.springframework.context.annotation.Bean
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "test.widget-listener",
			havingValue = "true", matchIfMissing = true)
	WidgetListener widgetListener(Inbox inbox, JdbcClient jdbc) {
		return new WidgetListener(inbox, jdbc);
	}

	@RestController
	static class WidgetController {

		private final WidgetService widgets;

		private final PartnerAccess access;

		WidgetController(WidgetService widgets, PartnerAccess access) {
			this.widgets = widgets;
			this.access = access;
		}

		@PostMapping("/widgets")
		@ResponseStatus(HttpStatus.CREATED)
		Widget create(@Valid @RequestBody CreateWidget request) {
			return this.widgets.create(request.name());
		}

		@GetMapping("/partners/{partnerId}/secret")
		String partnerSecret(@PathVariable UUID partnerId) {
			this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId, PartnerRole.OWNER,
					PartnerRole.FINANCE);
			return "secret of " + partnerId;
		}

		@PostMapping("/partners/{partnerId}/secret")
		String changePartnerSecret(@PathVariable UUID partnerId) {
			this.access.requireWrite(CurrentUser.get(), partnerId, PartnerRole.OWNER);
			return "changed";
		}

		@GetMapping("/conflict")
		String conflict() {
			throw new ConflictException("The slot 09:00–10:00 is already taken");
		}

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("secret internal detail");
		}

		/** What Spring's JDBC support throws when Hikari's wait for a connection ends. */
		@GetMapping("/database-away")
		String databaseAway() {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLTransientConnectionException(
							"HikariPool-1 - Connection is not available, request timed out after 3000ms"));
		}

	}

}
