package com.worklib.notification.mails;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Topics;
import com.worklib.contracts.booking.BookingPayload;
import com.worklib.notification.contact.ContactRepository;
import com.worklib.notification.delivery.DeliveryRepository;
import com.worklib.notification.delivery.MailContent;
import com.worklib.notification.delivery.MailRenderer;
import com.worklib.platform.messaging.IncomingEvent;

/**
 * Booking mails. A request goes to the establishment's booking contact as known when the
 * request is processed (a contact changed a minute before gets it); confirmed, declined,
 * expired and cancelled go to the booker; a booker's cancellation also goes to the
 * contact. Dates and times are the venue's; the contact sees partner amounts, the booker
 * customer prices.
 */
@Component
class BookingMails {

	private static final Logger log = LoggerFactory.getLogger(BookingMails.class);

	private final ContactRepository contacts;

	private final DeliveryRepository deliveries;

	private final MailRenderer renderer;

	private final MailFormats formats;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final BookingReminders reminders;

	private final java.time.Clock clock;

	BookingMails(ContactRepository contacts, DeliveryRepository deliveries, MailRenderer renderer, MailFormats formats,
			TransactionTemplate transactions, JsonMapper json, BookingReminders reminders, java.time.Clock clock) {
		this.reminders = reminders;
		this.clock = clock;
		this.contacts = contacts;
		this.deliveries = deliveries;
		this.renderer = renderer;
		this.formats = formats;
		this.transactions = transactions;
		this.json = json;
	}

	@KafkaListener(id = "notification-bookings", topics = Topics.BOOKING_BOOKINGS,
			groupId = "notification-service-bookings")
	void onBooking(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		BookingPayload booking = event.payloadAs(this.json, BookingPayload.class);
		this.transactions.executeWithoutResult(tx -> {
			switch (event.type()) {
				case EventTypes.BOOKING_REQUESTED -> toContact("booking-requested", event.id(), booking);
				case EventTypes.BOOKING_CONFIRMED -> {
					toBooker("booking-confirmed", event.id(), booking);
					this.reminders.track(booking, sentAt(event));
					// confirmed in its first version: an instant booking, which no
					// request announced to the venue
					if (booking.version() == 1) {
						toContact("booking-confirmed-contact", event.id(), booking);
					}
				}
				case EventTypes.BOOKING_DECLINED -> toBooker("booking-declined", event.id(), booking);
				case EventTypes.BOOKING_EXPIRED -> toBooker("booking-expired", event.id(), booking);
				case EventTypes.BOOKING_CANCELLED -> {
					toBooker("booking-cancelled", event.id(), booking);
					this.reminders.track(booking, sentAt(event));
					if ("BOOKER".equals(booking.cancelledBy())) {
						toContact("booking-cancelled-contact", event.id(), booking);
					}
				}
				default -> {
				}
			}
		});
	}

	/** When booking published the event; now if it did not say. */
	private java.time.Instant sentAt(IncomingEvent event) {
		try {
			return event.time() == null ? this.clock.instant()
					: java.time.OffsetDateTime.parse(event.time()).toInstant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			return this.clock.instant();
		}
	}

	private record Place(String workspace, String establishment, ZoneId zone) {
	}

	private Place place(BookingPayload booking) {
		var establishment = this.contacts.establishment(booking.establishmentId());
		return new Place(this.contacts.workspaceName(booking.workspaceId()).orElse("—"),
				establishment.map(ContactRepository.Establishment::name).orElse("—"), ZoneId.of(booking.timezone()));
	}

	private void toContact(String template, String eventId, BookingPayload booking) {
		Optional<String> contact = this.contacts.establishment(booking.establishmentId())
			.map(ContactRepository.Establishment::bookingContactEmail);
		if (contact.isEmpty() || contact.get() == null) {
			log.warn("Booking {}: no booking contact known for establishment {}; {} not sent", booking.bookingId(),
					booking.establishmentId(), template);
			return;
		}
		Locale locale = MailRenderer.FRENCH;
		Place place = place(booking);
		String date = MailFormats.date(booking.serviceDate(), locale);
		String booker = this.contacts.user(booking.bookerUserId()).map(ContactRepository.User::displayName).orElse("—");
		MailContent.Builder mail = MailContent.of(template, eventId, contact.get(), locale)
			.subject(place.workspace(), date)
			.paragraph("p1", booker, place.workspace(), date);
		if ("booking-requested".equals(template) || "booking-confirmed-contact".equals(template)) {
			mail.paragraph("p2");
		}
		else if (booking.cancellationFee() != null) {
			mail.paragraph("late");
		}
		mail.detail("workspace", place.workspace())
			.detail("establishment", place.establishment())
			.detail("date", date)
			.detail("time", MailFormats.timeRange(booking.start(), booking.end(), place.zone()))
			.detail("booker", booker)
			.detail("partnerAmount", partnerAmount(booking, locale))
			.detail("fee",
					booking.cancellationFee() == null ? null : MailFormats.money(booking.cancellationFee(), locale))
			.action(this.formats.backOfficeUrl + "/partners/" + booking.partnerId() + "/bookings/"
					+ booking.bookingId());
		this.deliveries.queue(mail.build());
	}

	private void toBooker(String template, String eventId, BookingPayload booking) {
		Optional<ContactRepository.User> booker = this.contacts.user(booking.bookerUserId());
		if (booker.isEmpty()) {
			log.warn("Booking {}: booker {} unknown; {} not sent", booking.bookingId(), booking.bookerUserId(),
					template);
			return;
		}
		Locale locale = MailRenderer.locale(booker.get().locale());
		Place place = place(booking);
		MailContent.Builder mail = MailContent.of(template, eventId, booker.get().email(), locale);
		if ("booking-cancelled".equals(template)) {
			mail.paragraph("PARTNER".equals(booking.cancelledBy()) ? "by-partner" : "by-booker", place.workspace(),
					place.establishment());
			if (booking.cancellationFee() != null) {
				mail.paragraph("late");
			}
			// the invitation the confirmation carried, cancelled: the calendar removes it
			mail.paragraph("calendar").attachCalendar(booking.bookingId());
		}
		else {
			mail.paragraph("p1", place.workspace(), place.establishment());
		}
		if ("booking-confirmed".equals(template)) {
			mail.paragraph("calendar").attachCalendar(booking.bookingId());
		}
		details(mail, booker.get(), booking, place, "booking-confirmed".equals(template), locale);
		mail.detail("fee",
				booking.cancellationFee() == null ? null : MailFormats.money(booking.cancellationFee(), locale))
			.action(this.formats.webBaseUrl + ("booking-confirmed".equals(template) ? "/bookings/" + booking.bookingId()
					: "booking-cancelled".equals(template) ? "/bookings" : "/search"));
		this.deliveries.queue(mail.build());
	}

	/**
	 * The day-before reminder (BookingReminders decides when): where, how to get in, whom
	 * to call, and the calendar file once more.
	 */
	boolean remind(BookingReminders.Due due) {
		Optional<ContactRepository.User> booker = this.contacts.user(due.bookerUserId());
		if (booker.isEmpty()) {
			log.warn("Booking {}: booker {} unknown; reminder not sent", due.bookingId(), due.bookerUserId());
			return false;
		}
		Locale locale = MailRenderer.locale(booker.get().locale());
		BookingPayload booking = due.asBooking();
		Place place = place(booking);
		MailContent.Builder mail = MailContent
			.of("booking-reminder", "reminder:" + due.bookingId(), booker.get().email(), locale)
			.paragraph("p1", place.workspace(), place.establishment())
			.paragraph("calendar")
			.attachCalendar(due.bookingId());
		details(mail, booker.get(), booking, place, true, locale);
		mail.action(this.formats.webBaseUrl + "/bookings/" + due.bookingId());
		return this.deliveries.queue(mail.build());
	}

	/**
	 * The booker's details table; {@code gettingThere} adds the address, the venue's
	 * phone and the access instructions (and the price, on a confirmation).
	 */
	private void details(MailContent.Builder mail, ContactRepository.User booker, BookingPayload booking, Place place,
			boolean gettingThere, Locale locale) {
		String date = MailFormats.date(booking.serviceDate(), locale);
		mail.greeting(booker.firstName()).subject(place.workspace(), date);
		mail.detail("workspace", place.workspace())
			.detail("establishment", place.establishment())
			.detail("date", date)
			.detail("time", MailFormats.timeRange(booking.start(), booking.end(), place.zone()));
		if (gettingThere) {
			var establishment = this.contacts.establishment(booking.establishmentId());
			mail.detail("address", establishment.map(ContactRepository.Establishment::address).orElse(null))
				.detail("phone", establishment.map(ContactRepository.Establishment::phone).orElse(null))
				.detail("access", establishment.map(ContactRepository.Establishment::accessInstructions).orElse(null));
			if (booking.price() != null) {
				MoneyAmount price = booking.price().customerAmountInclVat() != null
						? booking.price().customerAmountInclVat() : booking.price().amountInclVat();
				mail.detail("price", MailFormats.money(price, locale));
			}
		}
	}

	private String partnerAmount(BookingPayload booking, Locale locale) {
		return this.renderer.text("amount.partner", locale, MailFormats.money(booking.price().amountExclVat(), locale),
				MailFormats.money(booking.price().amountInclVat(), locale));
	}

}
