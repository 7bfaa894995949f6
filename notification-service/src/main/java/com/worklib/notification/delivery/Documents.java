package com.worklib.notification.delivery;

/**
 * Where attachments come from: the service that owns each document, through the gateway
 * (an invoice's PDF from billing, ADR 24; a booking's calendar file from booking).
 */
public interface Documents {

	/** A document's bytes and its media type. */
	record Document(byte[] bytes, String contentType) {
	}

	/**
	 * @throws RuntimeException when it cannot be had now; the mail waits and tries again
	 */
	Document fetch(MailContent.Attachment attachment);

}
