package com.worklib.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * GreenMail on the SMTP port, and what it captured over HTTP:
 * {@code GET /api/messages?to=ADDRESS} →
 * {@code [{"from","to","subject","text","html","attachments":[{"fileName","contentType",
 * "base64"}],"receivedAt"}]}, oldest first.
 * <p>
 * It keeps the newest {@link #KEPT} mails. The fault suite's 30-minute soak sent 21,000
 * booking notices through it: kept whole they filled the launcher's heap, and each query
 * decoded every one of them, so a sign-up's verification mail, delivered in 0.4 s, could
 * not be read for minutes. Only the mails to the address asked for are decoded.
 */
final class MailCapture implements AutoCloseable {

	/** Hours of a person's use; two minutes of the soak's load. */
	static final int KEPT = 5_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GreenMail greenMail;

	private final HttpServer http;

	private final int kept;

	private final java.util.concurrent.ScheduledExecutorService trimmer = java.util.concurrent.Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("mail-capture-trim").factory());

	MailCapture(int smtpPort, int httpPort) {
		this(smtpPort, httpPort, KEPT);
	}

	MailCapture(int smtpPort, int httpPort, int kept) {
		this.kept = kept;
		this.greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		try {
			this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Mail API port " + httpPort + " is taken", ex);
		}
		this.http.createContext("/api/messages", this::messages);
	}

	MailCapture start() {
		this.greenMail.start();
		this.http.start();
		this.trimmer.scheduleWithFixedDelay(this::trim, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
		return this;
	}

	/** Deletes the oldest mails beyond {@link #kept}; returns how many went. */
	int trim() {
		try {
			ImapHostManager mailboxes = this.greenMail.getManagers().getImapHostManager();
			List<Map.Entry<MailFolder, StoredMessage>> all = new ArrayList<>();
			for (GreenMailUser user : this.greenMail.getUserManager().listUser()) {
				MailFolder inbox = mailboxes.getInbox(user);
				inbox.getMessages().forEach(message -> all.add(Map.entry(inbox, message)));
			}
			int excess = all.size() - this.kept;
			if (excess <= 0) {
				return 0;
			}
			all.sort(Comparator.comparing((Map.Entry<MailFolder, StoredMessage> e) -> e.getValue().getReceivedDate())
				.thenComparingLong(e -> e.getValue().getUid()));
			Set<MailFolder> touched = new HashSet<>();
			for (Map.Entry<MailFolder, StoredMessage> old : all.subList(0, excess)) {
				old.getValue().setFlag(Flags.Flag.DELETED, true);
				touched.add(old.getKey());
			}
			for (MailFolder folder : touched) {
				folder.expunge();
			}
			return excess;
		}
		catch (FolderException | RuntimeException ex) {
			System.err.println("mail capture: could not trim old mails: " + ex);
			return 0;
		}
	}

	int httpPort() {
		return this.http.getAddress().getPort();
	}

	List<Map<String, Object>> messagesTo(String address) {
		return Arrays.stream(this.greenMail.getReceivedMessages())
			.filter(message -> address == null || isTo(message, address))
			.map(MailCapture::describe)
			.toList();
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			jakarta.mail.Address[] to = message.getRecipients(Message.RecipientType.TO);
			return to != null && Arrays.stream(to).anyMatch(a -> address.equalsIgnoreCase(a.toString()));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private void messages(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			String to = query(exchange.getRequestURI().getRawQuery()).get("to");
			byte[] body = JSON.writeValueAsBytes(messagesTo(to));
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	static Map<String, String> query(String raw) {
		Map<String, String> params = new LinkedHashMap<>();
		if (raw == null) {
			return params;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return params;
	}

	private static Map<String, Object> describe(MimeMessage message) {
		try {
			Map<String, Object> mail = new LinkedHashMap<>();
			mail.put("from", message.getFrom() == null ? null : message.getFrom()[0].toString());
			mail.put("to",
					Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
			mail.put("subject", message.getSubject());
			// the plain-text part, decoded: what a person reads (not the raw MIME body)
			com.worklib.platform.test.MailSupport.Mail readable = com.worklib.platform.test.MailSupport.toMail(message);
			mail.put("text", readable.text());
			mail.put("html", readable.html());
			mail.put("attachments",
					readable.attachments()
						.stream()
						.map(a -> Map.of("fileName", a.fileName(), "contentType", a.contentType(), "base64",
								java.util.Base64.getEncoder().encodeToString(a.content())))
						.toList());
			java.util.Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
			Instant received = date == null ? null : date.toInstant();
			mail.put("receivedAt", received == null ? null : received.toString());
			return mail;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.trimmer.shutdownNow();
		this.http.stop(0);
		this.greenMail.stop();
	}

}
