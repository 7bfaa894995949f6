package com.worklib.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one mail says, as message keys of {@code mail/messages} and values: rendered in
 * the recipient's locale into the HTML and text layouts. Keys are
 * {@code <template>.subject}, {@code <template>.p1}…, detail labels and action labels.
 *
 * @param template the mail's name, e.g. {@code booking-requested}
 * @param dedupeKey the event id, or a business key for a mail sent once per thing
 * @param priority which queue it waits in
 */
public record MailContent(String template, String dedupeKey, String recipient, Locale locale, String greetingName,
		List<Object> subjectArgs, List<Paragraph> paragraphs, List<Detail> details, Action action,
		Attachment attachment, Priority priority) {

	/**
	 * Which mails leave first when many wait. A person who signs up, is invited or claims
	 * a venue is looking at a page that says "check your mailbox", and the link expires;
	 * a booking notice, a reminder or an invoice can wait behind it. Within a priority,
	 * mails leave in the order they became due.
	 */
	public enum Priority {

		/** A link someone is waiting for: verification, invitation, claim. */
		ACCOUNT(0),
		/**
		 * Everything else: booking notices, reminders, money mails, migration notices.
		 */
		NOTICE(1);

		private final int rank;

		Priority(int rank) {
			this.rank = rank;
		}

		/** Lower leaves first; stored in {@code delivery.priority}. */
		public int rank() {
			return this.rank;
		}

	}

	/**
	 * A document fetched through the gateway when the mail is sent: an invoice's PDF
	 * (billing) or a booking's calendar file (booking).
	 */
	public record Attachment(Kind kind, java.util.UUID documentId, String fileName) {

		public enum Kind {

			INVOICE_PDF, BOOKING_CALENDAR

		}

	}

	public record Paragraph(String key, List<Object> args) {
	}

	/** A row of the details table: a label key and a ready-to-show value. */
	public record Detail(String labelKey, String value) {
	}

	public record Action(String labelKey, String url) {
	}

	public static Builder of(String template, String dedupeKey, String recipient, Locale locale) {
		return new Builder(template, dedupeKey, recipient, locale);
	}

	public static final class Builder {

		private final String template;

		private final String dedupeKey;

		private final String recipient;

		private final Locale locale;

		private String greetingName;

		private List<Object> subjectArgs = List.of();

		private final List<Paragraph> paragraphs = new ArrayList<>();

		private final List<Detail> details = new ArrayList<>();

		private Action action;

		private Attachment attachment;

		private Priority priority = Priority.NOTICE;

		private Builder(String template, String dedupeKey, String recipient, Locale locale) {
			this.template = template;
			this.dedupeKey = dedupeKey;
			this.recipient = recipient;
			this.locale = locale;
		}

		public Builder greeting(String name) {
			this.greetingName = name;
			return this;
		}

		public Builder subject(Object... args) {
			this.subjectArgs = List.of(args);
			return this;
		}

		/** {@code <template>.<key>} with arguments. */
		public Builder paragraph(String key, Object... args) {
			this.paragraphs.add(new Paragraph(this.template + "." + key, List.of(args)));
			return this;
		}

		/** {@code label.<key>}: a value shown in the details table, skipped when null. */
		public Builder detail(String key, String value) {
			if (value != null) {
				this.details.add(new Detail("label." + key, value));
			}
			return this;
		}

		public Builder action(String url) {
			this.action = new Action(this.template + ".action", url);
			return this;
		}

		/** The invoice's PDF under {@code fileName}. */
		public Builder attachInvoice(java.util.UUID invoiceId, String fileName) {
			this.attachment = new Attachment(Attachment.Kind.INVOICE_PDF, invoiceId, fileName);
			return this;
		}

		/** The booking's calendar file, as the booker's calendar adds or removes it. */
		public Builder attachCalendar(java.util.UUID bookingId) {
			this.attachment = new Attachment(Attachment.Kind.BOOKING_CALENDAR, bookingId, "worklib.ics");
			return this;
		}

		/** Sent before every {@link Priority#NOTICE} mail that waits. */
		public Builder accountMail() {
			this.priority = Priority.ACCOUNT;
			return this;
		}

		public MailContent build() {
			return new MailContent(this.template, this.dedupeKey, this.recipient, this.locale, this.greetingName,
					this.subjectArgs, List.copyOf(this.paragraphs), List.copyOf(this.details), this.action,
					this.attachment, this.priority);
		}

	}

}
