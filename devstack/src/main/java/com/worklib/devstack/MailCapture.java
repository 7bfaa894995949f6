package com.worklib.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * GreenMail on the SMTP port, and what it captured over HTTP:
 * {@code GET /api/messages?to=ADDRESS} →
 * {@code [{"from","to","subject","text","html","attachments":[{"fileName","contentType",
 * "base64"}],"receivedAt"}]}, oldest first.
 */
final class MailCapture implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GreenMail greenMail;

	private final HttpServer http;

	MailCapture(int smtpPort, int httpPort) {
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
		return this;
	}

	int httpPort() {
		return this.http.getAddress().getPort();
	}

	List<Map<String, Object>> messagesTo(String address) {
		return Arrays.stream(this.greenMail.getReceivedMessages())
			.map(MailCapture::describe)
			.filter(m -> address == null
					|| ((List<?>) m.get("to")).stream().anyMatch(to -> address.equalsIgnoreCase(String.valueOf(to))))
			.toList();
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
		this.http.stop(0);
		this.greenMail.stop();
	}

}
