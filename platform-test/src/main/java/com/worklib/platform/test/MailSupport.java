package com.worklib.platform.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** One GreenMail SMTP server per JVM that captures every mail, readable per recipient. */
public final class MailSupport {

	private static final JvmSingleton<GreenMail> GREEN_MAIL = new JvmSingleton<>(MailSupport::start, GreenMail::stop);

	private MailSupport() {
	}

	/**
	 * A captured mail, as a person would read it: {@code text} is the plain-text part
	 * (decoded), {@code html} the HTML part when there is one.
	 */
	public record Mail(String from, List<String> to, String subject, String text, String html,
			List<Attachment> attachments) {

		public Mail(String from, List<String> to, String subject, String text, String html) {
			this(from, to, subject, text, html, List.of());
		}

	}

	/**
	 * A part sent as an attachment: its file name, type (without parameters), bytes, and
	 * the Content-Type header as sent (with {@code method=} for a calendar invitation).
	 */
	public record Attachment(String fileName, String contentType, byte[] content, String contentTypeHeader) {
	}

	public static int smtpPort() {
		return server().getSmtp().getPort();
	}

	public static GreenMail server() {
		return GREEN_MAIL.get();
	}

	private static GreenMail start() {
		GreenMail greenMail = new GreenMail(new ServerSetup(FreePorts.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return greenMail;
	}

	/** Every mail received so far for {@code address} (case-insensitive). */
	public static List<Mail> messagesTo(String address) {
		return Arrays.stream(server().getReceivedMessages())
			.map(MailSupport::toMail)
			.filter(m -> m.to().stream().anyMatch(address::equalsIgnoreCase))
			.toList();
	}

	/**
	 * Waits up to {@code timeout} for a mail to {@code address} and returns the latest.
	 */
	public static Mail awaitMessageTo(String address, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			List<Mail> mails = messagesTo(address);
			if (!mails.isEmpty()) {
				return mails.get(mails.size() - 1);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("No mail reached " + address + " within " + timeout);
	}

	/** A received message as a person reads it (plain-text part decoded). */
	public static Mail toMail(MimeMessage message) {
		try {
			String text = part(message, "text/plain");
			return new Mail(message.getFrom()[0].toString(),
					Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(a -> a.toString()).toList(),
					message.getSubject(), text == null ? GreenMailUtil.getBody(message) : text,
					part(message, "text/html"), attachments(message));
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Attachment> attachments(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
		List<Attachment> found = new java.util.ArrayList<>();
		if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			try (java.io.InputStream in = part.getInputStream()) {
				found.add(new Attachment(part.getFileName(), part.getContentType().split(";")[0].trim(),
						in.readAllBytes(), part.getContentType()));
			}
		}
		else if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				found.addAll(attachments(multipart.getBodyPart(i)));
			}
		}
		return found;
	}

	/**
	 * The decoded content of the first part of that type, searching nested multiparts.
	 */
	private static String part(jakarta.mail.Part part, String mimeType) throws MessagingException, java.io.IOException {
		if (part.isMimeType(mimeType)) {
			return String.valueOf(part.getContent()).replace("\r\n", "\n");
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
