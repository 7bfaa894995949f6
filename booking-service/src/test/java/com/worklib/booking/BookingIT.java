package com.worklib.booking;

import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.platform.test.Callers;
import com.worklib.booking.catalog.Catalog;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.venue.EstablishmentPayload;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.contracts.venue.WorkspacePayload;
import com.worklib.platform.time.MovableClock;

/** Shared by booking integration tests: a movable clock, catalog fixtures, callers. */
public abstract class BookingIT {

	public static final String API = "/api/bookings/v1";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Catalog catalog;

	@Autowired
	protected MovableClock clock;

	@Autowired
	PlatformTransactionManager transactionManager;

	@TestConfiguration
	public static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Clock.systemUTC());
		}

	}

	public record Venue(UUID partnerId, UUID establishmentId) {
	}

	/** A partner in Paris, open every day 08:00–19:00, platform fee 15 %. */
	protected Venue venue() {
		return venue("08:00", "19:00");
	}

	/** A partner in Paris, open every day from {@code opens} to {@code closes}. */
	protected Venue venue(String opens, String closes) {
		return venueIn("Lyon", "Europe/Paris", opens, closes);
	}

	/**
	 * A partner with one establishment in {@code city}, open every day from {@code opens}
	 * to {@code closes} in {@code zone}.
	 */
	protected Venue venueIn(String city, String zone, String opens, String closes) {
		UUID partner = UUID.randomUUID();
		UUID establishment = UUID.randomUUID();
		var hours = java.util.Arrays.stream(java.time.DayOfWeek.values())
			.map(d -> new EstablishmentPayload.OpeningHours(d.name(), opens, closes))
			.toList();
		inTransaction(() -> {
			this.catalog.apply(new PartnerPayload(partner, "ATELIE", "L'Atelier", "CLAIMED", 1500, null, null, 1));
			this.catalog.apply(new EstablishmentPayload(establishment, partner, "L'Atelier Presqu'île",
					new EstablishmentPayload.Address("12 rue de la République", null, "69002", city, "FR"), zone, hours,
					null, new EstablishmentPayload.BookingContact("reservations@atelier.fr", "+33472000000"), null, 1,
					"3e étage, code 4812B"));
		});
		return new Venue(partner, establishment);
	}

	protected UUID workspace(Venue venue, String type, int capacity, String mode, String unit, long priceMinor) {
		UUID id = UUID.randomUUID();
		inTransaction(() -> this.catalog.apply(new WorkspacePayload(id, venue.establishmentId(), venue.partnerId(),
				type, type + " " + id.toString().substring(0, 4), capacity, mode, unit,
				new MoneyAmount(priceMinor, "EUR"), 2000, true, 1)));
		return id;
	}

	protected void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult(s -> work.run());
	}

	protected void member(UUID partnerId, UUID userId, String role) {
		Callers.member(this.jdbc, partnerId, userId, role);
	}

	public static RequestPostProcessor as(UUID userId, String... roles) {
		return Callers.as(userId, roles);
	}

}
