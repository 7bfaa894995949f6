package com.worklib.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
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
import com.worklib.platform.test.FreePorts;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the fault suite's soak: 11,834 booking notices were queued and a new owner's
 * verification link waited behind them until the sign-up page's promise ("check your
 * mailbox") was broken. Account mails now leave first, whatever waits.
 */
// one SMTP session, so the order received is the order sent; SmtpSessionsIT shows an
// account mail opening its session when several send at once
@SpringBootTest(properties = { "worklib.notification.send-interval=1h", "worklib.notification.smtp-sessions=1" })
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class AccountMailsFirstIT extends NotificationIT {

	static final int SMTP_PORT = FreePorts.find();

	static final int BACKLOG = 65;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	DeliverySender sender;

	@Test
	void aVerificationMailQueuedBehindABacklogOfBookingNoticesLeavesFirst() throws Exception {
		String venue = address("venue");
		for (int i = 0; i < BACKLOG; i++) {
			this.deliveries.queue(bookingNotice("backlog-" + venue + "-" + i, venue));
		}
		String owner = address("owner");
		MailRequestPayload verification = new MailRequestPayload(UUID.randomUUID(), "EMAIL_VERIFICATION", owner, "fr",
				"Inès", "http://localhost:3000/verify?token=abc", Instant.now().plus(Duration.ofHours(24)), null, null,
				null, null);
		publish(Topics.IDENTITY_NOTIFICATIONS, owner, "evt-first-" + owner, EventTypes.MAIL_REQUESTED, verification);
		Awaitility.await("verification queued behind the backlog")
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM delivery WHERE recipient = :to AND status = 'PENDING'")
				.param("to", owner)
				.query(Long.class)
				.single() == 1);

		GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			this.sender.sendDue();

			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).as("the backlog and the verification all leave").hasSize(BACKLOG + 1);
			assertThat(recipient(received[0])).as("the first mail out").isEqualTo(owner);
			assertThat(received[0].getSubject()).isEqualTo("Confirmez votre adresse e-mail");
			assertThat(Arrays.stream(received).skip(1).map(NotificationIT::recipient)).as("then the notices, none lost")
				.containsOnly(venue);
		}
		finally {
			smtp.stop();
		}
	}

}
