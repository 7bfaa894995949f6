package com.worklib.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.worklib.billing.close.BillingCatalog;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.booking.BookingPayload;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.contracts.venue.WorkspacePayload;
import com.worklib.platform.test.Callers;
import com.worklib.platform.time.MovableClock;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Shared by billing integration tests: a movable clock, partners, bookings, callers. */
public abstract class BillingIT {

	public static final String API = "/api/billing/v1";

	public static final UUID OPS = UUID.randomUUID();

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected BillingCatalog catalog;

	@Autowired
	protected MovableClock clock;

	@TestConfiguration
	public static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Clock.systemUTC());
		}

	}

	/** A partner known to billing, with an OWNER and a workspace. */
	public record Partner(UUID partnerId, String code, UUID owner, UUID workspaceId) {
	}

	protected Partner partner(String code) {
		UUID partner = UUID.randomUUID();
		UUID owner = UUID.randomUUID();
		UUID workspace = UUID.randomUUID();
		this.catalog.apply(new PartnerPayload(partner, code, code + " SAS", "CLAIMED", 1500, null, null, 1));
		this.catalog.apply(new WorkspacePayload(workspace, UUID.randomUUID(), partner, "MEETING_ROOM", "Salle " + code,
				8, "INSTANT", "HOUR", new MoneyAmount(3500, "EUR"), 2000, true, 1));
		member(partner, owner, "OWNER");
		return new Partner(partner, code, owner, workspace);
	}

	protected void member(UUID partnerId, UUID userId, String role) {
		Callers.member(this.jdbc, partnerId, userId, role);
	}

	/** Billing information (Google France's real identifiers) and the mandate. */
	protected void completeBilling(Partner partner, String regime) throws Exception {
		this.mvc
			.perform(put(API + "/partners/" + partner.partnerId() + "/billing-profile").with(as(partner.owner()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"legalName":"%s SAS","legalForm":"SAS","siret":"44306184100047","vatNumber":"FR64443061841",
								 "vatRegime":"%s","address":{"line1":"8 rue de Londres","postalCode":"75009","city":"Paris","country":"FR"},
								 "billingEmail":"billing@%s.example"}"""
							.formatted(partner.code(), regime, partner.code().toLowerCase())))
			.andExpect(status().isOk());
		acceptMandate(partner);
	}

	protected void acceptMandate(Partner partner) throws Exception {
		this.mvc
			.perform(post(API + "/partners/" + partner.partnerId() + "/self-billing-mandate").with(as(partner.owner()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"accepted\":true,\"mandateVersion\":\"2026-11\"}"))
			.andExpect(status().isCreated());
	}

	/**
	 * A booking as booking-service publishes it, priced 35.00 € excl. VAT at 20 % unless
	 * told.
	 */
	protected static BookingPayload booking(Partner partner, UUID bookingId, LocalDate serviceDate, String status,
			long amountMinor, Long feeMinor, long version) {
		ZoneId paris = ZoneId.of("Europe/Paris");
		Instant start = serviceDate.atTime(10, 0).atZone(paris).toInstant();
		long vat = BigDecimal.valueOf(amountMinor)
			.multiply(BigDecimal.valueOf(0.2))
			.setScale(0, java.math.RoundingMode.HALF_UP)
			.longValue();
		var price = new BookingPayload.PriceSnapshot("HOUR", "1", new MoneyAmount(amountMinor, "EUR"),
				new MoneyAmount(amountMinor, "EUR"), 2000, new MoneyAmount(vat, "EUR"),
				new MoneyAmount(amountMinor + vat, "EUR"), null, null);
		return new BookingPayload(bookingId, partner.workspaceId(), UUID.randomUUID(), partner.partnerId(),
				UUID.randomUUID(), status, start, start.plus(Duration.ofHours(1)), serviceDate, "Europe/Paris", price,
				feeMinor == null ? null : new MoneyAmount(feeMinor, "EUR"), null, version);
	}

	protected static RequestPostProcessor as(UUID userId, String... roles) {
		return Callers.as(userId, roles);
	}

	protected static RequestPostProcessor ops() {
		return as(OPS, "ops");
	}

	protected static void await(String what, BooleanSupplier condition) {
		Awaitility.await(what)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(condition::getAsBoolean);
	}

}
