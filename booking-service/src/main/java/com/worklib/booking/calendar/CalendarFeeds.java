package com.worklib.booking.calendar;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.booking.booking.Booking;
import com.worklib.booking.booking.BookingRepository;
import com.worklib.booking.catalog.Catalog;
import com.worklib.booking.catalog.CatalogEstablishment;
import com.worklib.platform.domain.NotFoundException;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;

/**
 * Each establishment's secret subscription URL. The secret is 256 random bits (base64url,
 * 43 characters), so it cannot be guessed; it is made the first time a member asks for it
 * and replaced when an owner or manager rotates it, after which the old URL answers 404.
 * The feed lists the establishment's confirmed and requested bookings from 30 days back
 * to 180 days ahead.
 */
@Service
public class CalendarFeeds {

	static final Duration PAST = Duration.ofDays(30);

	static final Duration AHEAD = Duration.ofDays(180);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final BookingRepository bookings;

	private final PartnerAccess access;

	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, Catalog catalog, BookingRepository bookings, PartnerAccess access, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.bookings = bookings;
		this.access = access;
		this.clock = clock;
	}

	public record Feed(UUID establishmentId, String secret, Instant createdAt) {
	}

	/** The establishment's feed for any member of its partner (and ops), made if none. */
	@Transactional
	public Feed current(UUID establishmentId, CurrentUser user) {
		CatalogEstablishment establishment = visible(establishmentId, user);
		return find(establishmentId).orElseGet(() -> {
			store(establishment, "DO NOTHING");
			// two first requests at once: both answer the one that was stored
			return find(establishmentId).orElseThrow();
		});
	}

	/** A new secret for OWNER and MANAGER; the old URL stops answering at once. */
	@Transactional
	public Feed rotate(UUID establishmentId, CurrentUser user) {
		CatalogEstablishment establishment = visible(establishmentId, user);
		this.access.requireWrite(user, establishment.partnerId(), PartnerRole.OWNER, PartnerRole.MANAGER);
		return store(establishment, "DO UPDATE SET secret = EXCLUDED.secret, created_at = EXCLUDED.created_at");
	}

	/** A new secret, stored unless {@code onConflict} keeps the one there. */
	private Feed store(CatalogEstablishment establishment, String onConflict) {
		Feed made = new Feed(establishment.establishmentId(), secret(), this.clock.instant());
		this.jdbc
			.sql("INSERT INTO calendar_feed (establishment_id, partner_id, secret, created_at) "
					+ "VALUES (:e, :p, :s, :t) ON CONFLICT (establishment_id) " + onConflict)
			.param("e", made.establishmentId())
			.param("p", establishment.partnerId())
			.param("s", made.secret())
			.param("t", Timestamp.from(made.createdAt()))
			.update();
		return made;
	}

	/**
	 * What a feed shows: its establishment and bookings; an unknown secret is not found.
	 */
	public record Contents(CatalogEstablishment establishment, List<Booking> bookings) {
	}

	@Transactional(readOnly = true)
	public Contents contents(String secret) {
		UUID establishmentId = this.jdbc.sql("SELECT establishment_id FROM calendar_feed WHERE secret = :s")
			.param("s", secret)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Calendar feed"));
		CatalogEstablishment establishment = this.catalog.establishment(establishmentId)
			.orElseThrow(() -> new NotFoundException("Calendar feed"));
		Instant now = this.clock.instant();
		return new Contents(establishment,
				this.bookings.activeOfEstablishment(establishmentId, now.minus(PAST), now.plus(AHEAD)));
	}

	private Optional<Feed> find(UUID establishmentId) {
		return this.jdbc.sql("SELECT secret, created_at FROM calendar_feed WHERE establishment_id = :e")
			.param("e", establishmentId)
			.query((rs, i) -> new Feed(establishmentId, rs.getString("secret"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	private CatalogEstablishment visible(UUID establishmentId, CurrentUser user) {
		CatalogEstablishment establishment = this.catalog.establishment(establishmentId)
			.orElseThrow(() -> new NotFoundException("Establishment " + establishmentId));
		this.access.requireRead(user, establishment.partnerId(), "Establishment " + establishmentId);
		return establishment;
	}

	private static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
