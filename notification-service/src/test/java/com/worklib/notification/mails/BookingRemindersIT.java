package com.worklib.notification.mails;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.notification.DocumentsGateway;
import com.worklib.notification.NotificationIT;
import com.worklib.platform.test.MailSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.platform.test.WithSmtp;
import com.worklib.platform.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day-before reminder, by the service's clock: 10:00 venue time the day before, once,
 * with where to go, how to get in, whom to call and the calendar file.
 *
 * <pre>
 *  D-1 09:59   nothing
 *  D-1 10:00   "Demain : Salle Lumière, …"   (the job runs again: still one)
 *  D   09:00   the booking starts
 * </pre>
 */
@SpringBootTest(properties = { "worklib.notification.send-interval=200ms", "worklib.notification.initial-backoff=200ms",
		"worklib.notification.reminder-interval=1h" })
@AutoConfigureMockMvc
@Import(BookingRemindersIT.Clocks.class)
@WithPostgres
@WithKafka
@WithSmtp
class BookingRemindersIT extends NotificationIT {

	static final com.github.tomakehurst.wiremock.WireMockServer gateway = DocumentsGateway.started();

	@org.springframework.test.context.DynamicPropertySource
	static void documents(org.springframework.test.context.DynamicPropertyRegistry registry) {
		DocumentsGateway.register(gateway, registry);
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Clock.systemUTC());
		}

	}

	@Autowired
	MovableClock clock;

	@Autowired
	ReminderJob job;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	void at(LocalDate day, int hour, int minute) {
		this.clock.set(day.atTime(hour, minute).atZone(PARIS).toInstant());
	}

	void bookingEvent(String type, Object payload) throws Exception {
		publish(Topics.BOOKING_BOOKINGS, UUID.randomUUID().toString(), UUID.randomUUID().toString(), type, payload);
	}

	@Test
	void theBookerIsRemindedOnceAt10TheDayBeforeWithTheWayIn() throws Exception {
		Venue venue = venue(address("contact"));
		String email = address("lea");
		UUID booker = user(email, "Léa", "Dupont", "fr");
		LocalDate day = LocalDate.now(this.clock.withZone(PARIS)).plusDays(3);
		UUID bookingId = UUID.randomUUID();
		bookingEvent(EventTypes.BOOKING_CONFIRMED, booking(venue, bookingId, booker, day, "CONFIRMED", null, null, 2));
		assertThat(mailTo(email).subject()).startsWith("Réservation confirmée");

		at(day.minusDays(1), 9, 59);
		this.job.remindDue();
		assertStillOneMailTo(email);

		at(day.minusDays(1), 10, 0);
		this.job.remindDue();
		this.job.remindDue();
		MailSupport.Mail reminder = MailSupport.messagesTo(email)
			.stream()
			.filter(m -> m.subject().startsWith("Demain"))
			.findFirst()
			.orElseGet(() -> {
				org.awaitility.Awaitility.await()
					.atMost(java.time.Duration.ofSeconds(20))
					.until(() -> MailSupport.messagesTo(email).size() == 2);
				return MailSupport.messagesTo(email).get(1);
			});
		assertThat(reminder.subject()).startsWith("Demain : Salle Lumière");
		assertThat(reminder.text())
			.contains("Pour rappel, vous avez réservé Salle Lumière chez Atelier République demain.")
			.contains("- Horaires : 09:00 – 11:00")
			.contains("- Adresse : 12 rue du Temple, 75003 Paris")
			.contains("- Téléphone de l’établissement : +33 1 23 45 67 89")
			.contains("- Accès : Code 4812B au portail, 2e étage")
			.contains("/bookings/" + bookingId);
		assertThat(reminder.attachments()).singleElement()
			.satisfies(ics -> assertThat(ics.contentType()).startsWith("text/calendar"));
		Thread.sleep(1500);
		assertThat(MailSupport.messagesTo(email)).hasSize(2);
	}

	@Test
	void aCancelledBookingOrOneConfirmedAfterTheMomentGetsNoReminder() throws Exception {
		Venue venue = venue(address("contact"));
		String email = address("omar");
		UUID booker = user(email, "Omar", null, "fr");
		LocalDate day = LocalDate.now(this.clock.withZone(PARIS)).plusDays(3);
		UUID cancelled = UUID.randomUUID();
		bookingEvent(EventTypes.BOOKING_CONFIRMED, booking(venue, cancelled, booker, day, "CONFIRMED", null, null, 1));
		bookingEvent(EventTypes.BOOKING_CANCELLED,
				booking(venue, cancelled, booker, day, "CANCELLED", null, "BOOKER", 2));
		// confirmed at 11:00 the day before: the confirmation said it all
		at(day.minusDays(1), 11, 0);
		bookingEvent(EventTypes.BOOKING_CONFIRMED,
				booking(venue, UUID.randomUUID(), booker, day, "CONFIRMED", null, null, 2));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> MailSupport.messagesTo(email).size() == 3);

		at(day.minusDays(1), 12, 0);
		this.job.remindDue();
		Thread.sleep(1500);
		assertThat(MailSupport.messagesTo(email)).extracting(MailSupport.Mail::subject)
			.noneMatch(s -> s.startsWith("Demain"));
	}

}
