package com.worklib.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mails over up to {@code smtp-sessions} SMTP sessions at once, as many as
 * the queue keeps busy, each claimed batch over one session. A mail refused is retried at
 * once a few times on its own (Resilience4j, short back-off) for a hiccup; a mail that
 * still fails stays queued and is tried again later with exponential back-off (from
 * {@code initial-backoff} up to {@code max-backoff}), so an SMTP relay down for minutes
 * loses nothing; after {@code max-attempts} it is FAILED for ops. The sessions of one
 * replica, and replicas, share the work ({@code SKIP LOCKED}): no mail is claimed twice.
 * One session waited on the relay's answers most of the time (80 % of the sender's
 * samples in the fault suite's soak) and sent about 40 mails a second, behind the notices
 * of 78 bookings a second (docs/reliability.md). A mail with an attachment (an invoice's
 * PDF, a booking's calendar file) fetches it first: while its owner cannot give it, the
 * mail waits like an SMTP failure, and its last attempt goes without it (the mail's link
 * still opens the page).
 */
@Component
class DeliverySender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

	private static final int BATCH = 20;

	private final DeliveryRepository deliveries;

	private final JavaMailSender mailSender;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String from;

	private final int maxAttempts;

	private final IntervalFunction backoff;

	private final Retry retry;

	private final Documents documents;

	private final int sessions;

	private final ExecutorService workers;

	DeliverySender(DeliveryRepository deliveries, JavaMailSender mailSender, TransactionTemplate transactions,
			Documents documents, Clock clock,
			@Value("${worklib.notification.from:Worklib <no-reply@worklib.example>}") String from,
			@Value("${worklib.notification.max-attempts:12}") int maxAttempts,
			@Value("${worklib.notification.initial-backoff:5s}") Duration initialBackoff,
			@Value("${worklib.notification.max-backoff:5m}") Duration maxBackoff,
			@Value("${worklib.notification.smtp-sessions:4}") int sessions) {
		if (sessions < 1) {
			throw new IllegalArgumentException("worklib.notification.smtp-sessions must be at least 1: " + sessions);
		}
		MailStreams.skipTheServiceLoaderScan();
		this.deliveries = deliveries;
		this.documents = documents;
		this.mailSender = mailSender;
		this.transactions = transactions;
		this.clock = clock;
		this.from = from;
		this.maxAttempts = maxAttempts;
		this.sessions = sessions;
		// platform threads: Angus Mail's transport synchronizes, which pins a virtual
		// thread on Java 21
		this.workers = Executors.newFixedThreadPool(sessions, Thread.ofPlatform().name("mail-session-", 1).factory());
		this.backoff = IntervalFunction.ofExponentialBackoff(initialBackoff.toMillis(), 2.0, maxBackoff.toMillis());
		this.retry = Retry.of("smtp",
				RetryConfig.custom()
					.maxAttempts(3)
					.intervalFunction(IntervalFunction.ofExponentialBackoff(200, 2.0))
					.retryExceptions(MailException.class)
					.build());
	}

	/**
	 * Sends what is due and returns when every session is done. It starts with one
	 * session; each session that claims a full batch (more may wait) opens another, up to
	 * {@code smtp-sessions} open at once, and a session ends on a batch that is not full.
	 * (Sessions started together, each ending on its own, left one session sending a
	 * backlog alone while the others waited for it to end: the fault suite's soak.) An
	 * interrupt (the scheduler stopping) does not cut a session short: a mail the relay
	 * accepted but not yet marked SENT would leave again after the restart.
	 */
	@Scheduled(fixedDelayString = "${worklib.notification.send-interval:1s}")
	void sendDue() {
		Round round = new Round();
		round.widen();
		// not interruptible, on purpose
		round.sessions.arriveAndAwaitAdvance();
	}

	/** The sessions of one {@link #sendDue()}; the caller is the phaser's first party. */
	private final class Round {

		final Phaser sessions = new Phaser(1);

		final AtomicInteger open = new AtomicInteger();

		/** Opens one more session unless all are open or the service is stopping. */
		void widen() {
			int now;
			do {
				now = this.open.get();
				if (now >= DeliverySender.this.sessions) {
					return;
				}
			}
			while (!this.open.compareAndSet(now, now + 1));
			this.sessions.register();
			try {
				DeliverySender.this.workers.execute(this::session);
			}
			catch (RejectedExecutionException ex) {
				// stopping: the sessions already open finish their batch
				this.sessions.arriveAndDeregister();
			}
		}

		private void session() {
			try {
				while (!DeliverySender.this.workers.isShutdown()
						&& Boolean.TRUE.equals(DeliverySender.this.transactions.execute(tx -> sendBatch(this)))) {
					// a full batch: keep going
				}
			}
			catch (RuntimeException ex) {
				// the batch's transaction rolled back: its mails are claimed again
				log.error("A mail session stopped on an error; its batch is tried again", ex);
			}
			finally {
				this.open.decrementAndGet();
				this.sessions.arriveAndDeregister();
			}
		}

	}

	/**
	 * Lets each session finish the batch it holds (at most 20 mails), then stops.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.workers.shutdown();
		if (!this.workers.awaitTermination(20, TimeUnit.SECONDS)) {
			this.workers.shutdownNow();
		}
	}

	/**
	 * @return whether a full batch was handled (there may be more)
	 */
	private boolean sendBatch(Round round) {
		List<DeliveryRepository.Outgoing> due = this.deliveries.claimDue(BATCH);
		if (due.size() == BATCH) {
			// more may wait: another session takes the next batch while this one sends
			round.widen();
		}
		Map<MimeMessage, DeliveryRepository.Outgoing> ready = new LinkedHashMap<>();
		Map<DeliveryRepository.Outgoing, Exception> failures = new LinkedHashMap<>();
		for (DeliveryRepository.Outgoing mail : due) {
			Documents.Document document = null;
			if (mail.attachment() != null) {
				try {
					document = this.documents.fetch(mail.attachment());
				}
				catch (RuntimeException ex) {
					int attempts = mail.attempts() + 1;
					String error = mail.attachment().kind() + " not available: " + ex.getMessage();
					if (attempts < this.maxAttempts - 1) {
						this.deliveries.failedAttempt(mail.deliveryId(), error,
								this.clock.instant().plusMillis(this.backoff.apply(attempts)));
						log.warn("Mail {} to {} waits for its attachment (attempt {}): {}", mail.deliveryId(),
								mail.recipient(), attempts, ex.getMessage());
						continue;
					}
					log.warn("Mail {} to {} goes without its attachment after {} attempts: {}", mail.deliveryId(),
							mail.recipient(), attempts, ex.getMessage());
				}
			}
			try {
				ready.put(message(mail, document), mail);
			}
			catch (MailException ex) {
				failures.put(mail, ex);
			}
		}
		sendOverOneSession(ready, failures);
		ready.values()
			.stream()
			.filter(mail -> !failures.containsKey(mail))
			.forEach(mail -> this.deliveries.sent(mail.deliveryId()));
		failures.forEach(this::notSent);
		return due.size() == BATCH;
	}

	/**
	 * Sends the batch over one SMTP session, in order: opening a session per mail cost
	 * about 45 ms and capped sending at ~20 mails a second, behind the bookings of a busy
	 * hour (docs/reliability.md). The mails a hiccup refused are tried again, the others
	 * are not sent twice; what still fails ends in {@code failures}.
	 */
	private void sendOverOneSession(Map<MimeMessage, DeliveryRepository.Outgoing> ready,
			Map<DeliveryRepository.Outgoing, Exception> failures) {
		if (ready.isEmpty()) {
			return;
		}
		Map<MimeMessage, DeliveryRepository.Outgoing> remaining = new LinkedHashMap<>(ready);
		try {
			Retry.decorateRunnable(this.retry, () -> {
				try {
					this.mailSender.send(remaining.keySet().toArray(MimeMessage[]::new));
					remaining.clear();
				}
				catch (MailSendException ex) {
					remaining.keySet().retainAll(ex.getFailedMessages().keySet());
					throw ex;
				}
			}).run();
		}
		catch (MailSendException ex) {
			remaining.forEach((message, mail) -> failures.put(mail, ex.getFailedMessages().getOrDefault(message, ex)));
		}
		catch (MailException ex) {
			remaining.values().forEach(mail -> failures.put(mail, ex));
		}
	}

	private void notSent(DeliveryRepository.Outgoing mail, Exception ex) {
		String error = NestedExceptionUtils.getMostSpecificCause(ex).getMessage();
		int attempts = mail.attempts() + 1;
		if (attempts >= this.maxAttempts) {
			this.deliveries.failed(mail.deliveryId(), error);
			log.error("Mail {} to {} FAILED after {} attempts: {}", mail.deliveryId(), mail.recipient(), attempts,
					error);
		}
		else {
			this.deliveries.failedAttempt(mail.deliveryId(), error,
					this.clock.instant().plusMillis(this.backoff.apply(attempts)));
			log.warn("Mail {} to {} not sent (attempt {}): {}", mail.deliveryId(), mail.recipient(), attempts, error);
		}
	}

	private MimeMessage message(DeliveryRepository.Outgoing mail, Documents.Document document) {
		MimeMessage message = this.mailSender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(jakarta.mail.internet.InternetAddress.parse(this.from)[0]);
			helper.setTo(mail.recipient());
			helper.setSubject(mail.subject());
			helper.setText(mail.textBody(), mail.htmlBody());
			if (document != null) {
				helper.addAttachment(mail.attachment().fileName(),
						new org.springframework.core.io.ByteArrayResource(document.bytes()), document.contentType());
			}
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new org.springframework.mail.MailPreparationException("Cannot build mail " + mail.deliveryId(), ex);
		}
		return message;
	}

}
