package com.worklib.notification.mails;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.worklib.contracts.booking.BookingPayload;

/**
 * The day-before reminders, kept from booking events: a confirmed booking is reminded at
 * 10:00 venue time the day before its first day, once; a booking confirmed after that
 * moment gets none (its confirmation just said everything), and a cancelled, declined or
 * expired one loses its reminder. Writes apply by version, so a redelivered or older
 * event changes nothing.
 */
@Component
class BookingReminders {

	static final LocalTime AT = LocalTime.of(10, 0);

	private final JdbcClient jdbc;

	BookingReminders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A reminder due now. */
	record Due(UUID bookingId, UUID bookerUserId, UUID establishmentId, UUID workspaceId, Instant start, Instant end,
			LocalDate serviceDate, String timezone) {

		/** The booking as the mail needs it (no price: the reminder shows none). */
		BookingPayload asBooking() {
			return new BookingPayload(this.bookingId, this.workspaceId, this.establishmentId, null, this.bookerUserId,
					"CONFIRMED", this.start, this.end, this.serviceDate, this.timezone, null, null, null, 0);
		}

	}

	static Instant remindAt(LocalDate serviceDate, ZoneId zone) {
		return serviceDate.minusDays(1).atTime(AT).atZone(zone).toInstant();
	}

	/**
	 * Follows the booking's state as of {@code eventTime} (when booking published it).
	 */
	void track(BookingPayload booking, Instant eventTime) {
		if (!"CONFIRMED".equals(booking.status())) {
			this.jdbc
				.sql("UPDATE booking_reminder SET active = false, version = :v WHERE booking_id = :id AND version < :v")
				.param("id", booking.bookingId())
				.param("v", booking.version())
				.update();
			return;
		}
		Instant remindAt = remindAt(booking.serviceDate(), ZoneId.of(booking.timezone()));
		if (!remindAt.isAfter(eventTime)) {
			return;
		}
		this.jdbc
			.sql("""
					INSERT INTO booking_reminder (booking_id, booker_user_id, establishment_id, workspace_id, start_at, end_at,
					  service_date, timezone, remind_at, active, version)
					VALUES (:id, :booker, :establishment, :workspace, :start, :end, :date, :tz, :at, true, :v)
					ON CONFLICT (booking_id) DO UPDATE SET active = true, remind_at = EXCLUDED.remind_at,
					  version = EXCLUDED.version WHERE booking_reminder.version < EXCLUDED.version
					""")
			.param("id", booking.bookingId())
			.param("booker", booking.bookerUserId())
			.param("establishment", booking.establishmentId())
			.param("workspace", booking.workspaceId())
			.param("start", Timestamp.from(booking.start()))
			.param("end", Timestamp.from(booking.end()))
			.param("date", booking.serviceDate())
			.param("tz", booking.timezone())
			.param("at", Timestamp.from(remindAt))
			.param("v", booking.version())
			.update();
	}

	/**
	 * Reminders due at {@code now} whose booking has not started, locked for this replica
	 * (others skip them): one that was due while the service was down goes out when it is
	 * back, unless the booking has begun.
	 */
	List<Due> claimDue(Instant now, int limit) {
		return this.jdbc
			.sql("""
					SELECT * FROM booking_reminder WHERE active AND sent_at IS NULL AND remind_at <= :now AND start_at > :now
					ORDER BY remind_at LIMIT :limit FOR UPDATE SKIP LOCKED
					""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, i) -> new Due(rs.getObject("booking_id", UUID.class),
					rs.getObject("booker_user_id", UUID.class), rs.getObject("establishment_id", UUID.class),
					rs.getObject("workspace_id", UUID.class), rs.getTimestamp("start_at").toInstant(),
					rs.getTimestamp("end_at").toInstant(), rs.getObject("service_date", LocalDate.class),
					rs.getString("timezone")))
			.list();
	}

	void sent(UUID bookingId, Instant now) {
		this.jdbc.sql("UPDATE booking_reminder SET sent_at = :now WHERE booking_id = :id")
			.param("id", bookingId)
			.param("now", Timestamp.from(now))
			.update();
	}

}
