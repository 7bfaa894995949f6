package com.worklib.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.notification.NotificationIT;
import com.worklib.platform.test.FreePorts;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of due mails goes over one SMTP session (a session per mail capped sending at
 * ~20 mails a second, docs/reliability.md), and several sessions send at once (one
 * session, waiting on the relay's answers, sent ~40 mails a second behind 78 bookings a
 * second). A mail the server refuses is tried again on its own, and no mail is sent
 * twice.
 */
@SpringBootTest(properties = { "worklib.notification.send-interval=1h", "worklib.notification.initial-backoff=1s",
		"worklib.notification.smtp-sessions=" + SmtpSessionsIT.SESSIONS })
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class SmtpSessionsIT extends NotificationIT {

	static final int SMTP_PORT = FreePorts.find();

	static final int SESSIONS = 4;

	/**
	 * The real sender to GreenMail; it records each session, can refuse one address and
	 * can answer slowly, as a relay across a network does.
	 */
	static class RecordingSender extends JavaMailSenderImpl {

		final List<List<String>> sessions = new CopyOnWriteArrayList<>();

		volatile String refused;

		volatile Duration latency = Duration.ZERO;

		final AtomicInteger open = new AtomicInteger();

		final AtomicInteger mostOpenAtOnce = new AtomicInteger();

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
			this.mostOpenAtOnce.accumulateAndGet(this.open.incrementAndGet(), Math::max);
			try {
				Thread.sleep(this.latency);
				if (!accepted.isEmpty()) {
					super.send(accepted.toArray(MimeMessage[]::new));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MailSendException("interrupted", ex);
			}
			finally {
				this.open.decrementAndGet();
			}
			if (!failed.isEmpty()) {
				throw new MailSendException(failed);
			}
		}

		void reset() {
			this.sessions.clear();
			this.refused = null;
			this.latency = Duration.ZERO;
			this.mostOpenAtOnce.set(0);
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

	@BeforeEach
	void emptyQueue() {
		this.jdbc.sql("DELETE FROM delivery").update();
		this.smtp.reset();
	}

	@Test
	void aBatchGoesOverOneSessionAndOnlyTheRefusedMailIsTriedAgain() throws Exception {
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			recipients.add(address("guest" + i));
		}
		String refused = recipients.get(2);
		this.smtp.refused = refused;
		for (String to : recipients) {
			this.deliveries.queue(bookingNotice("batch-" + to, to));
		}
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			this.sender.sendDue();

			// the sessions may share the batch of 12 (each claims what the others have
			// not)
			assertThat(this.smtp.sessions).as("one session per claimed batch, not one per mail, plus two retries")
				.hasSizeLessThanOrEqualTo(SESSIONS + 2);
			assertThat(this.smtp.sessions).as("each session keeps the queue's order")
				.allSatisfy(session -> assertThat(session)
					.isSortedAccordingTo(java.util.Comparator.comparingInt(recipients::indexOf)));
			List<List<String>> withRefused = this.smtp.sessions.stream()
				.filter(session -> session.contains(refused))
				.toList();
			assertThat(withRefused).as("the refused mail is tried at once three times").hasSize(3);
			assertThat(withRefused.subList(1, 3)).as("the hiccup retries resend the refused mail alone")
				.allSatisfy(session -> assertThat(session).containsExactly(refused));
			assertThat(server.getReceivedMessages()).extracting(NotificationIT::recipient)
				.as("every other mail once")
				.containsExactlyInAnyOrderElementsOf(recipients.stream().filter(to -> !to.equals(refused)).toList());
			assertThat(this.jdbc.sql("SELECT status || ' ' || attempts FROM delivery WHERE recipient = :to")
				.param("to", refused)
				.query(String.class)
				.single()).as("the refused mail waits for a later attempt").isEqualTo("PENDING 1");
			assertThat(this.jdbc.sql("SELECT last_error FROM delivery WHERE recipient = :to")
				.param("to", refused)
				.query(String.class)
				.single()).contains("550 mailbox unavailable");
		}
		finally {
			server.stop();
		}
	}

	@Test
	void sessionsSendAtOnceEachMailOnceAndAnAccountMailOpensItsSession() throws Exception {
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < 10 * SESSIONS; i++) {
			recipients.add(address("guest" + i));
		}
		// eight batches of notices, queued before the owner's verification
		for (int i = 0; i < 4; i++) {
			for (String to : recipients) {
				this.deliveries.queue(bookingNotice("busy-hour-" + i + "-" + to, to));
			}
		}
		String owner = address("owner");
		this.deliveries.queue(MailContent.of("account-exists", "account-" + owner, owner, Locale.FRENCH)
			.paragraph("p1")
			.paragraph("p2")
			.action("http://localhost:3000/reset-password?token=abc")
			.accountMail()
			.build());
		this.smtp.latency = Duration.ofMillis(300);
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			this.sender.sendDue();

			assertThat(this.smtp.mostOpenAtOnce).as("sessions open at once against a slow relay").hasValue(SESSIONS);
			List<String> received = Arrays.stream(server.getReceivedMessages()).map(NotificationIT::recipient).toList();
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				expected.addAll(recipients);
			}
			expected.add(owner);
			assertThat(received).as("every mail once, none twice").containsExactlyInAnyOrderElementsOf(expected);
			assertThat(this.smtp.sessions).as("the verification leaves first in its session, not after the notices")
				.anySatisfy(session -> assertThat(session.getFirst()).isEqualTo(owner));
			assertThat(this.jdbc.sql("SELECT status || ' ' || attempts FROM delivery GROUP BY 1")
				.query(String.class)
				.list()).as("every mail SENT on its first attempt").containsExactly("SENT 1");
		}
		finally {
			server.stop();
		}
	}

	/**
	 * Found by the fault suite's soak: sessions started together each ended on a batch
	 * that was not full, and the one still sending then worked a growing backlog alone
	 * until it ended too (40 mails a second, the queue growing).
	 */
	@Test
	void aBacklogThatGrowsWhileOneSessionSendsOpensTheOthers() throws Exception {
		for (int i = 0; i < 30; i++) {
			this.deliveries.queue(bookingNotice("quiet-" + i, address("guest" + i)));
		}
		this.smtp.latency = Duration.ofSeconds(1);
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			Thread scheduler = Thread.ofPlatform().start(this.sender::sendDue);
			Awaitility.await("the first batches sending")
				.atMost(Duration.ofSeconds(10))
				.until(() -> this.smtp.open.get() >= 1);
			// the busy hour starts while the first batch is still with the relay
			this.transactions.executeWithoutResult(tx -> {
				for (int i = 0; i < 8 * 20; i++) {
					this.deliveries.queue(bookingNotice("rush-" + i, address("guest" + i)));
				}
			});
			scheduler.join(Duration.ofSeconds(60));

			assertThat(this.smtp.mostOpenAtOnce).as("sessions open at once on the backlog").hasValue(SESSIONS);
			assertThat(server.getReceivedMessages()).as("every mail, once").hasSize(30 + 8 * 20);
		}
		finally {
			server.stop();
		}
	}

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Documents documents;

	@Autowired
	Clock clock;

	/**
	 * A deploy stops the service while sessions send: each finishes its batch and marks
	 * it SENT, so nothing the relay accepted leaves again after the restart, and nothing
	 * new is claimed.
	 */
	@Test
	void stoppingLetsEachSessionFinishItsBatchAndClaimsNoMore() throws Exception {
		for (int i = 0; i < 20 * SESSIONS * 3; i++) {
			this.deliveries.queue(bookingNotice("deploy-" + i, address("guest" + i)));
		}
		this.smtp.latency = Duration.ofMillis(800);
		DeliverySender stopping = new DeliverySender(this.deliveries, this.smtp, this.transactions, this.documents,
				this.clock, "Worklib <no-reply@worklib.example>", 12, Duration.ofSeconds(5), Duration.ofMinutes(5),
				SESSIONS);
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			Thread scheduler = Thread.ofPlatform().start(stopping::sendDue);
			Awaitility.await("sessions sending")
				.atMost(Duration.ofSeconds(10))
				.until(() -> this.smtp.open.get() == SESSIONS);
			// what Spring does on shutdown: the scheduler is interrupted, then the bean
			// destroyed
			scheduler.interrupt();
			stopping.destroy();
			scheduler.join(Duration.ofSeconds(30));

			List<String> received = Arrays.stream(server.getReceivedMessages()).map(NotificationIT::recipient).toList();
			List<String> marked = this.jdbc.sql("SELECT recipient FROM delivery WHERE status = 'SENT'")
				.query(String.class)
				.list();
			assertThat(received).as("the batches in flight were delivered").hasSize(20 * SESSIONS);
			assertThat(marked).as("and marked SENT, so the restart does not send them again")
				.containsExactlyInAnyOrderElementsOf(received);
			assertThat(this.jdbc.sql("SELECT count(*) FROM delivery WHERE status = 'PENDING' AND attempts = 0")
				.query(Long.class)
				.single()).as("no batch claimed after the stop").isEqualTo(20L * SESSIONS * 2);
		}
		finally {
			server.stop();
		}
	}

}
