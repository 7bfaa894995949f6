package com.worklib.notification.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.worklib.notification.NotificationIT;
import com.worklib.platform.test.FreePorts;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of due mails goes over one SMTP session (a session per mail capped sending at
 * ~20 mails a second, docs/reliability.md). A mail the server refuses is tried again on
 * its own, and the others in its batch are not sent twice.
 */
@SpringBootTest(properties = { "worklib.notification.send-interval=1h", "worklib.notification.initial-backoff=1s" })
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class OneSmtpSessionPerBatchIT extends NotificationIT {

	static final int SMTP_PORT = FreePorts.find();

	/** The real sender to GreenMail; it records each session and refuses one address. */
	static class RecordingSender extends JavaMailSenderImpl {

		final List<List<String>> sessions = new ArrayList<>();

		String refused;

		RecordingSender() {
			setHost("127.0.0.1");
			setPort(SMTP_PORT);
		}

		@Override
		public void send(MimeMessage... messages) {
			List<String> recipients = new ArrayList<>();
			List<MimeMessage> accepted = new ArrayList<>();
			Map<Object, Exception> failed = new LinkedHashMap<>();
			for (MimeMessage message : messages) {
				String to = recipient(message);
				recipients.add(to);
				if (to.equals(this.refused)) {
					failed.put(message, new MessagingException("550 mailbox unavailable: " + to));
				}
				else {
					accepted.add(message);
				}
			}
			this.sessions.add(recipients);
			if (!accepted.isEmpty()) {
				super.send(accepted.toArray(MimeMessage[]::new));
			}
			if (!failed.isEmpty()) {
				throw new MailSendException(failed);
			}
		}

	}

	@TestConfiguration
	static class Smtp {

		@Bean
		@Primary
		RecordingSender recordingSender() {
			return new RecordingSender();
		}

	}

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	DeliverySender sender;

	@Autowired
	RecordingSender smtp;

	@Test
	void aBatchGoesOverOneSessionAndOnlyTheRefusedMailIsTriedAgain() throws Exception {
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			recipients.add(address("guest" + i));
		}
		this.smtp.refused = recipients.get(2);
		for (String to : recipients) {
			this.deliveries.queue(bookingNotice("batch-" + to, to));
		}
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			this.sender.sendDue();

			assertThat(this.smtp.sessions.getFirst()).as("the first session carries the whole batch, in order")
				.containsExactlyElementsOf(recipients);
			assertThat(this.smtp.sessions.subList(1, this.smtp.sessions.size()))
				.as("the hiccup retries resend the refused mail alone")
				.isNotEmpty()
				.allSatisfy(session -> assertThat(session).containsExactly(recipients.get(2)));
			assertThat(server.getReceivedMessages()).extracting(NotificationIT::recipient)
				.as("every other mail once")
				.containsExactlyInAnyOrder(recipients.get(0), recipients.get(1), recipients.get(3), recipients.get(4));
			assertThat(this.jdbc.sql("SELECT status || ' ' || attempts FROM delivery WHERE recipient = :to")
				.param("to", recipients.get(2))
				.query(String.class)
				.single()).as("the refused mail waits for a later attempt").isEqualTo("PENDING 1");
			assertThat(this.jdbc.sql("SELECT last_error FROM delivery WHERE recipient = :to")
				.param("to", recipients.get(2))
				.query(String.class)
				.single()).contains("550 mailbox unavailable");
		}
		finally {
			server.stop();
		}
	}

}
