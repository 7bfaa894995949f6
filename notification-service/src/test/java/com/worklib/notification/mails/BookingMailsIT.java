package com.worklib.notification.mails;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Topics;
import com.worklib.notification.DocumentsGateway;
import com.worklib.notification.NotificationIT;
import com.worklib.platform.test.MailSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.platform.test.WithSmtp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking mails, in the venue's time:
 *
 * <pre>
 *  Paris  09:00 ─── room booked ─── 11:00   (Thursday 3 December 2026)
 *  UTC    08:00                     10:00
 * </pre>
 */
@SpringBootTest(
		properties = { "worklib.notification.send-interval=200ms", "worklib.notification.initial-backoff=200ms" })
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
@WithSmtp
class BookingMailsIT extends NotificationIT {

	static final LocalDate DEC_3 = LocalDate.of(2026, 12, 3);

	/** The gateway (booking's calendar files) and Keycloak's token endpoint, stood in. */
	static final com.github.tomakehurst.wiremock.WireMockServer gateway = DocumentsGateway.started();

	@org.springframework.test.context.DynamicPropertySource
	static void documents(org.springframework.test.context.DynamicPropertyRegistry registry) {
		DocumentsGateway.register(gateway, registry);
	}

	void bookingEvent(String type, Object payload) throws Exception {
		publish(Topics.BOOKING_BOOKINGS, UUID.randomUUID().toString(), UUID.randomUUID().toString(), type, payload);
	}

	@Test
	void aRequestGoesToTheBookingContactChangedAMinuteBeforeNotTheOldOne() throws Exception {
		String old = address("old-contact");
		String current = address("new-contact");
		Venue venue = venue(old);
		establishment(venue, current, 2);
		UUID booker = user(address("lea"), "Léa", "Dupont", "fr");
		UUID bookingId = UUID.randomUUID();

		bookingEvent(EventTypes.BOOKING_REQUESTED,
				booking(venue, bookingId, booker, DEC_3, "REQUESTED", null, null, 1));

		MailSupport.Mail mail = mailTo(current);
		assertThat(mail.subject()).isEqualTo("Nouvelle demande de réservation : Salle Lumière, jeudi 3 décembre 2026");
		assertThat(mail.text()).contains("Léa Dupont demande à réserver Salle Lumière (jeudi 3 décembre 2026).")
			.contains("- Horaires : 09:00 – 11:00")
			.contains("- Réservé par : Léa Dupont")
			.contains("- Montant partenaire : 70,00\u00a0€ HT (84,00\u00a0€ TTC)")
			.contains("http://localhost:3000/partners/" + venue.partnerId() + "/bookings/" + bookingId)
			.doesNotContain("96,60");
		assertThat(MailSupport.messagesTo(old)).isEmpty();
	}

	@Test
	void theBookerLearnsTheAnswerInTheirLanguageWithTheCustomerPrice() throws Exception {
		Venue venue = venue(address("contact"));
		String email = address("sam");
		UUID booker = user(email, "Sam", "Taylor", "en-GB");
		UUID confirmed = UUID.randomUUID();

		bookingEvent(EventTypes.BOOKING_CONFIRMED,
				booking(venue, confirmed, booker, DEC_3, "CONFIRMED", null, null, 2));

		MailSupport.Mail mail = mailTo(email);
		assertThat(mail.subject()).isEqualTo("Booking confirmed: Salle Lumière, Thursday, December 3, 2026");
		assertThat(mail.text()).startsWith("Hello Sam,")
			.contains("Your booking of Salle Lumière at Atelier République is confirmed.")
			.contains("- Time: 09:00 – 11:00")
			.contains("- Address: 12 rue du Temple, 75003 Paris")
			.contains("- Venue’s phone: +33 1 23 45 67 89")
			.contains("- Getting in: Code 4812B au portail, 2e étage")
			.contains("The attached file adds the booking to your calendar")
			.contains("- Price: €96.60")
			.doesNotContain("€70.00");
		// the invitation booking writes, fetched as the mailer's account
		assertThat(mail.attachments()).singleElement().satisfies(ics -> {
			assertThat(ics.fileName()).isEqualTo("worklib.ics");
			assertThat(ics.contentType()).isEqualTo("text/calendar");
			assertThat(ics.contentTypeHeader()).contains("method=REQUEST");
			assertThat(new String(ics.content(), java.nio.charset.StandardCharsets.UTF_8)).contains("METHOD:REQUEST");
		});
		gateway.verify(com.github.tomakehurst.wiremock.client.WireMock
			.getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
				.urlEqualTo("/api/bookings/v1/bookings/" + confirmed + "/calendar.ics"))
			.withHeader("Authorization",
					com.github.tomakehurst.wiremock.client.WireMock.equalTo(DocumentsGateway.TOKEN)));
	}

	@Test
	void anInstantBookingAlsoTellsTheBookingContactAndAConfirmedRequestDoesNot() throws Exception {
		String contact = address("contact");
		Venue venue = venue(contact);
		String email = address("lea");
		UUID booker = user(email, "Léa", "Roux", "fr");
		UUID instant = UUID.randomUUID();

		bookingEvent(EventTypes.BOOKING_CONFIRMED, booking(venue, instant, booker, DEC_3, "CONFIRMED", null, null, 1));

		MailSupport.Mail toContact = mailTo(contact);
		assertThat(toContact.subject()).isEqualTo("Nouvelle réservation : Salle Lumière, jeudi 3 décembre 2026");
		assertThat(toContact.text()).contains("Léa Roux a réservé Salle Lumière")
			.contains("confirmée d’office")
			.contains("- Montant partenaire : 70,00\u00a0€ HT")
			.contains("/partners/" + venue.partnerId() + "/bookings/" + instant);
		assertThat(mailTo(email).subject()).startsWith("Réservation confirmée : Salle Lumière");

		// a request the partner confirmed: the contact already knows, only the booker
		// hears
		String otherContact = address("contact");
		Venue other = venue(otherContact);
		String sam = address("sam");
		bookingEvent(EventTypes.BOOKING_CONFIRMED,
				booking(other, UUID.randomUUID(), user(sam, "Sam", null, "fr"), DEC_3, "CONFIRMED", null, null, 2));
		assertThat(mailTo(sam).subject()).startsWith("Réservation confirmée");
		Thread.sleep(1500);
		assertThat(MailSupport.messagesTo(otherContact)).isEmpty();
	}

	@Test
	void declinedAndExpiredRequestsTellTheBookerNothingIsCharged() throws Exception {
		Venue venue = venue(address("contact"));
		String declinedTo = address("declined");
		String expiredTo = address("expired");
		bookingEvent(EventTypes.BOOKING_DECLINED, booking(venue, UUID.randomUUID(),
				user(declinedTo, "Nina", null, "fr"), DEC_3, "DECLINED", null, null, 2));
		bookingEvent(EventTypes.BOOKING_EXPIRED, booking(venue, UUID.randomUUID(), user(expiredTo, "Omar", null, "fr"),
				DEC_3, "EXPIRED", null, null, 2));

		assertThat(mailTo(declinedTo).subject()).startsWith("Demande refusée : Salle Lumière");
		assertThat(mailTo(declinedTo).text()).contains("Rien ne vous sera facturé");
		assertThat(mailTo(expiredTo).subject()).startsWith("Demande expirée : Salle Lumière");
	}

	@Test
	void aLateCancellationByTheBookerReachesBothWithTheFee() throws Exception {
		String contact = address("contact");
		Venue venue = venue(contact);
		String email = address("paul");
		UUID booker = user(email, "Paul", "Martin", "fr");

		UUID bookingId = UUID.randomUUID();
		gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get("/api/bookings/v1/bookings/" + bookingId + "/calendar.ics")
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withHeader("Content-Type", "text/calendar; charset=UTF-8")
				.withBody(DocumentsGateway.calendar("CANCEL", "CANCELLED"))));
		bookingEvent(EventTypes.BOOKING_CANCELLED,
				booking(venue, bookingId, booker, DEC_3, "CANCELLED", new MoneyAmount(7000, "EUR"), "BOOKER", 3));

		MailSupport.Mail toBooker = mailTo(email);
		assertThat(toBooker.subject()).isEqualTo("Réservation annulée : Salle Lumière, jeudi 3 décembre 2026");
		assertThat(toBooker.text()).contains("Votre réservation de Salle Lumière chez Atelier République est annulée.")
			.contains("Le fichier joint la retire de votre agenda.")
			.contains("- Frais d’annulation : 70,00\u00a0€");
		// the same event, cancelled: the calendar removes what the confirmation added
		assertThat(toBooker.attachments()).singleElement()
			.satisfies(ics -> assertThat(ics.contentTypeHeader()).contains("method=CANCEL"));
		MailSupport.Mail toContact = mailTo(contact);
		assertThat(toContact.subject()).isEqualTo("Annulation : Salle Lumière, jeudi 3 décembre 2026");
		assertThat(toContact.text()).contains("Paul Martin a annulé sa réservation de Salle Lumière.")
			.contains("les frais d’annulation vous reviennent");
	}

	@Test
	void aPartnerCancellationIsMailedToTheBookerOnly() throws Exception {
		String contact = address("contact");
		Venue venue = venue(contact);
		String email = address("ines");
		UUID booker = user(email, "Inès", null, "fr");

		bookingEvent(EventTypes.BOOKING_CANCELLED,
				booking(venue, UUID.randomUUID(), booker, DEC_3, "CANCELLED", null, "PARTNER", 3));

		assertThat(mailTo(email).text()).contains("Atelier République a annulé votre réservation de Salle Lumière.");
		Thread.sleep(1500);
		assertThat(MailSupport.messagesTo(contact)).isEmpty();
	}

}
