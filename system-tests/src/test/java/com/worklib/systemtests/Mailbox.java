package com.worklib.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** The local stack's captured mail, read the way a person reads their inbox. */
final class Mailbox {

	/** A file a mail carries. */
	record Attachment(String fileName, String contentType, byte[] content) {
	}

	/** A received mail: subject, plain text and attachments. */
	record Mail(String subject, String text, List<Attachment> attachments) {

		/** The value of {@code token=} in the first link of the mail. */
		String token() {
			Matcher matcher = Pattern.compile("token=([A-Za-z0-9_\\-]+)").matcher(this.text);
			if (!matcher.find()) {
				throw new AssertionError("No token in the mail \"" + this.subject + "\":\n" + this.text);
			}
			return matcher.group(1);
		}

	}

	private Mailbox() {
	}

	static List<Mail> of(String address) {
		JsonNode messages = Client.anonymous().read(Platform.MAILBOX + "/api/messages?to=" + Client.encode(address));
		List<Mail> mails = new ArrayList<>();
		for (JsonNode message : messages) {
			List<Attachment> attachments = new ArrayList<>();
			for (JsonNode a : message.path("attachments")) {
				attachments.add(new Attachment(a.get("fileName").asString(), a.get("contentType").asString(),
						java.util.Base64.getDecoder().decode(a.get("base64").asString())));
			}
			mails.add(new Mail(message.get("subject").asString(), message.get("text").asString(), attachments));
		}
		return mails;
	}

	/** Waits for a mail to {@code address} whose subject matches. */
	static Mail await(String address, Predicate<String> subject) {
		Mail[] found = new Mail[1];
		Awaitility.await("a mail to " + address)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				for (Mail mail : of(address)) {
					if (subject.test(mail.subject())) {
						found[0] = mail;
						return true;
					}
				}
				return false;
			});
		return found[0];
	}

}
