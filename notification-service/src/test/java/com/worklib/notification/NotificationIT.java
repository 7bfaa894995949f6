package com.worklib.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Topics;
import com.worklib.contracts.booking.BookingPayload;
import com.worklib.contracts.identity.UserPayload;
import com.worklib.contracts.venue.EstablishmentPayload;
import com.worklib.contracts.venue.WorkspacePayload;
import com.worklib.notification.delivery.MailContent;
import com.worklib.platform.test.Callers;
import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.MailSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared by notification tests: events as the other services publish them, and mailboxes.
 */
public abstract class NotificationIT {

	public static final String API = "/api/notifications/v1";

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected KafkaTemplate<String, String> kafka;

	/**
	 * A unique address, so tests sharing the JVM's GreenMail never read each other's
	 * mail.
	 */
	protected static String address(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

	protected void publish(String topic, String key, String eventId, String type, Object payload) throws Exception {
		this.kafka.send(KafkaSupport.cloudEvent(topic, key, eventId, type, this.json.writeValueAsString(payload)))
			.get();
	}

	protected UUID user(String email, String firstName, String lastName, String locale) throws Exception {
		UUID userId = UUID.randomUUID();
		publish(Topics.IDENTITY_USERS, userId.toString(), UUID.randomUUID().toString(), EventTypes.USER_REGISTERED,
				new UserPayload(userId, email, firstName, lastName, locale, true, 1));
		Awaitility.await("user " + email)
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM contact_user WHERE user_id = :id")
				.param("id", userId)
				.query(Long.class)
				.single() == 1);
		return userId;
	}

	protected void member(UUID partnerId, UUID userId, String role) {
		Callers.member(this.jdbc, partnerId, userId, role);
	}

	/**
	 * An establishment in Paris with one meeting room; returns {establishmentId,
	 * workspaceId}.
	 */
	protected record Venue(UUID partnerId, UUID establishmentId, UUID workspaceId, String workspaceName) {
	}

	protected Venue venue(String bookingContact) throws Exception {
		Venue venue = new Venue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Salle Lumière");
		establishment(venue, bookingContact, 1);
		publish(Topics.VENUE_WORKSPACES, venue.partnerId().toString(), UUID.randomUUID().toString(),
				EventTypes.WORKSPACE_CREATED,
				new WorkspacePayload(venue.workspaceId(), venue.establishmentId(), venue.partnerId(), "MEETING_ROOM",
						venue.workspaceName(), 8, "REQUEST", "HOUR", new MoneyAmount(3500, "EUR"), 2000, true, 1));
		Awaitility.await("workspace")
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM contact_workspace WHERE workspace_id = :id")
				.param("id", venue.workspaceId())
				.query(Long.class)
				.single() == 1);
		return venue;
	}

	protected void establishment(Venue venue, String bookingContact, long version) throws Exception {
		publish(Topics.VENUE_ESTABLISHMENTS, venue.partnerId().toString(), UUID.randomUUID().toString(),
				version == 1 ? EventTypes.ESTABLISHMENT_CREATED : EventTypes.ESTABLISHMENT_CHANGED,
				new EstablishmentPayload(venue.establishmentId(), venue.partnerId(), "Atelier République",
						new EstablishmentPayload.Address("12 rue du Temple", null, "75003", "Paris", "FR"),
						"Europe/Paris", List.of(), null,
						new EstablishmentPayload.BookingContact(bookingContact, "+33 1 23 45 67 89"), null, version,
						"Code 4812B au portail, 2e étage"));
		Awaitility.await("establishment v" + version)
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT version FROM contact_establishment WHERE establishment_id = :id")
				.param("id", venue.establishmentId())
				.query(Long.class)
				.optional()
				.orElse(0L) >= version);
	}

	/**
	 * A booking of the venue's room from 09:00 to 11:00 Paris time on {@code date}: 35 €
	 * excl. VAT per hour, 20 % VAT, a 15 % platform fee for the customer.
	 */
	protected static BookingPayload booking(Venue venue, UUID bookingId, UUID booker, LocalDate date, String status,
			MoneyAmount fee, String cancelledBy, long version) {
		Instant start = date.atTime(9, 0).atZone(PARIS).toInstant();
		var price = new BookingPayload.PriceSnapshot("HOUR", "2", new MoneyAmount(3500, "EUR"),
				new MoneyAmount(7000, "EUR"), 2000, new MoneyAmount(1400, "EUR"), new MoneyAmount(8400, "EUR"),
				new MoneyAmount(1050, "EUR"), new MoneyAmount(9660, "EUR"));
		return new BookingPayload(bookingId, venue.workspaceId(), venue.establishmentId(), venue.partnerId(), booker,
				status, start, start.plus(Duration.ofHours(2)), date, "Europe/Paris", price, fee, cancelledBy, version);
	}

	/** A booking notice as BookingMails queues it, to fill the queue. */
	protected static MailContent bookingNotice(String dedupeKey, String to) {
		return MailContent.of("booking-requested", dedupeKey, to, Locale.FRENCH)
			.subject("Salle Lumière", "lundi")
			.paragraph("p1", "Camille", "Salle Lumière", "2 h")
			.paragraph("p2")
			.action("http://localhost:3000/bookings")
			.build();
	}

	/** The first recipient of a mail the SMTP server received. */
	protected static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static MailSupport.Mail mailTo(String address) {
		return MailSupport.awaitMessageTo(address, Duration.ofSeconds(20));
	}

	/** Waits a little longer than a redelivery would take, then counts. */
	protected static void assertStillOneMailTo(String address) throws InterruptedException {
		Thread.sleep(1500);
		assertThat(MailSupport.messagesTo(address)).hasSize(1);
	}

}
