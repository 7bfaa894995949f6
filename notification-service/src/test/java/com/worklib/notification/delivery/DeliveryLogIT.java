package com.worklib.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.MailRequestPayload;
import com.worklib.notification.NotificationIT;
import com.worklib.platform.test.Callers;
import com.worklib.platform.test.FreePorts;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A mail that can never be sent ends FAILED, and ops see it with the reason. */
@SpringBootTest(properties = { "worklib.notification.send-interval=200ms", "worklib.notification.initial-backoff=200ms",
		"worklib.notification.max-backoff=400ms", "worklib.notification.max-attempts=3" })
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class DeliveryLogIT extends NotificationIT {

	@DynamicPropertySource
	static void deadSmtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", FreePorts::find);
	}

	@Test
	void aMailThatKeepsFailingEndsFailedAndVisibleToOpsOnly() throws Exception {
		String to = address("unlucky");
		publish(Topics.IDENTITY_NOTIFICATIONS, to, UUID.randomUUID().toString(), EventTypes.MAIL_REQUESTED,
				new MailRequestPayload(UUID.randomUUID(), "ACCOUNT_EXISTS", to, "fr", null,
						"http://localhost:3000/login", Instant.now(), null, null, null, null));

		Awaitility.await("FAILED")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM delivery WHERE recipient = :to AND status = 'FAILED'")
				.param("to", to)
				.query(Long.class)
				.single() == 1);

		this.mvc
			.perform(get(API + "/deliveries").param("recipient", to.toUpperCase())
				.with(Callers.as(UUID.randomUUID(), "ops")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].recipient").value(to))
			.andExpect(jsonPath("$.items[0].template").value("account-exists"))
			.andExpect(jsonPath("$.items[0].status").value("FAILED"))
			.andExpect(jsonPath("$.items[0].attempts").value(greaterThanOrEqualTo(3)))
			.andExpect(jsonPath("$.items[0].lastError").value(not(emptyOrNullString())));
		this.mvc.perform(get(API + "/deliveries").param("recipient", to).with(Callers.as(UUID.randomUUID(), "partner")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(API + "/deliveries").with(Callers.as(UUID.randomUUID(), "ops")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("recipient"));
	}

	@Autowired
	com.worklib.platform.retention.Retention retention;

	/**
	 * While a verification mail waits for the SMTP relay, its token is sealed (a copy of
	 * the database holds no usable link); once given up, the sealed copy is gone too.
	 */
	@Test
	void aQueuedMailKeepsItsTokenSealedAndForgetsItWhenGivenUp() throws Exception {
		String to = address("sealed");
		String token = "tok-" + UUID.randomUUID();
		publish(Topics.IDENTITY_NOTIFICATIONS, to, UUID.randomUUID().toString(), EventTypes.MAIL_REQUESTED,
				new MailRequestPayload(UUID.randomUUID(), "EMAIL_VERIFICATION", to, "fr", "Camille",
						"http://localhost:3000/verify-email?token=" + token, Instant.now(), null, null, null, null));
		Awaitility.await("queued")
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM delivery WHERE recipient = :to")
				.param("to", to)
				.query(Long.class)
				.single() == 1);
		String all = this.jdbc
			.sql("SELECT text_body || html_body || coalesce(sealed_secrets, '') FROM delivery "
					+ "WHERE recipient = :to")
			.param("to", to)
			.query(String.class)
			.single();
		assertThat(all).doesNotContain(token).doesNotContain(token.substring(4));
		Awaitility.await("FAILED")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM delivery WHERE recipient = :to AND status = 'FAILED' "
						+ "AND sealed_secrets IS NULL")
				.param("to", to)
				.query(Long.class)
				.single() == 1);
	}

	/** Sent and failed mails go after 400 days; a pending one never does. */
	@Test
	void retentionDeletesOldFinishedMailsButNeverAPendingOne() {
		String to = address("old");
		for (String status : new String[] { "SENT", "FAILED", "PENDING" }) {
			this.jdbc.sql("""
					INSERT INTO delivery (delivery_id, dedupe_key, recipient, template, locale, subject, text_body,
					    html_body, status, next_attempt_at, created_at)
					VALUES (:id, :key, :to, 'account-exists', 'fr', 's', 't', 'h', :status,
					    now() + interval '1 day', now() - interval '401 days')
					""")
				.param("id", UUID.randomUUID())
				.param("key", UUID.randomUUID().toString())
				.param("to", to)
				.param("status", status)
				.update();
		}
		this.retention.run();
		assertThat(this.jdbc.sql("SELECT status FROM delivery WHERE recipient = :to")
			.param("to", to)
			.query(String.class)
			.list()).containsExactly("PENDING");
	}

}
