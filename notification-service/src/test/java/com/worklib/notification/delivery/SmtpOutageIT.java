package com.worklib.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.MailRequestPayload;
import com.worklib.notification.NotificationIT;
import com.worklib.platform.test.FreePorts;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP relay is down for a while: mails wait, then go out exactly once. */
@SpringBootTest(properties = { "worklib.notification.send-interval=200ms", "worklib.notification.initial-backoff=300ms",
		"worklib.notification.max-backoff=1s", "worklib.notification.max-attempts=100" })
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class SmtpOutageIT extends NotificationIT {

	static final int SMTP_PORT = FreePorts.find();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Test
	void aMailQueuedWhileSmtpIsDownIsDeliveredOnceWhenItComesBack() throws Exception {
		String to = address("patient");
		MailRequestPayload mail = new MailRequestPayload(UUID.randomUUID(), "ACCOUNT_EXISTS", to, "fr", null,
				"http://localhost:3000/login", Instant.now(), null, null, null, null);
		publish(Topics.IDENTITY_NOTIFICATIONS, to, "evt-outage-" + to, EventTypes.MAIL_REQUESTED, mail);

		Awaitility.await("failed attempts while SMTP is down")
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT attempts FROM delivery WHERE recipient = :to AND status = 'PENDING'")
				.param("to", to)
				.query(Integer.class)
				.optional()
				.orElse(0) >= 3);
		assertThat(this.jdbc.sql("SELECT last_error FROM delivery WHERE recipient = :to")
			.param("to", to)
			.query(String.class)
			.single()).isNotBlank();

		GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			Awaitility.await("delivery after SMTP is back")
				.atMost(Duration.ofSeconds(20))
				.until(() -> smtp.getReceivedMessages().length == 1);
			Thread.sleep(2000);
			assertThat(smtp.getReceivedMessages()).hasSize(1);
			assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Vous avez déjà un compte Worklib");
			assertThat(this.jdbc.sql("SELECT status FROM delivery WHERE recipient = :to")
				.param("to", to)
				.query(String.class)
				.single()).isEqualTo("SENT");
		}
		finally {
			smtp.stop();
		}
	}

}
