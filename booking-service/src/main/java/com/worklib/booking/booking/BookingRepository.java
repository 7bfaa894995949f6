package com.worklib.booking.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceBreakdown;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;

@Repository
public class BookingRepository {

	private final JdbcClient jdbc;

	BookingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Booking b) {
		PriceBreakdown p = b.price();
		Timestamp now = Timestamp.from(b.createdAt());
		Map<String, Object> params = new HashMap<>();
		params.put("id", b.id());
		params.put("workspace", b.workspaceId());
		params.put("establishment", b.establishmentId());
		params.put("partner", b.partnerId());
		params.put("booker", b.bookerId());
		params.put("status", b.status().name());
		params.put("exclusive", b.exclusive());
		params.put("start", Timestamp.from(b.start()));
		params.put("end", Timestamp.from(b.end()));
		params.put("serviceDate", b.serviceDate());
		params.put("tz", b.timezone().getId());
		params.put("wsName", b.workspaceName());
		params.put("attendees", b.attendees());
		params.put("note", b.note());
		params.put("unit", p.unit().name());
		params.put("quantity", p.quantity());
		params.put("currency", p.amountExclVat().currency().getCurrencyCode());
		params.put("unitPrice", p.unitPriceExclVat().amountMinor());
		params.put("excl", p.amountExclVat().amountMinor());
		params.put("vatRate", p.vatRate().bps());
		params.put("vat", p.vatAmount().amountMinor());
		params.put("incl", p.amountInclVat().amountMinor());
		params.put("fee", p.platformFee().amountMinor());
		params.put("customer", p.customerAmountInclVat().amountMinor());
		params.put("expires", b.expiresAt() == null ? null : Timestamp.from(b.expiresAt()));
		params.put("version", b.version());
		params.put("now", now);
		params.put("bookerFirstName", b.booker() == null ? null : b.booker().firstName());
		params.put("bookerEmail", b.booker() == null ? null : b.booker().email());
		params.put("bookerCompany", b.booker() == null ? null : b.booker().company());
		this.jdbc
			.sql("""
					INSERT INTO booking (id, workspace_id, establishment_id, partner_id, booker_id, status, exclusive, start_at,
					  end_at, service_date, timezone, workspace_name, attendees, note, price_unit, quantity, currency,
					  unit_price_minor, amount_excl_vat_minor, vat_rate_bps, vat_minor, amount_incl_vat_minor,
					  platform_fee_minor, customer_incl_vat_minor, expires_at, version, created_at, updated_at,
					  booker_first_name, booker_email, booker_company)
					VALUES (:id, :workspace, :establishment, :partner, :booker, :status, :exclusive, :start, :end,
					  :serviceDate, :tz, :wsName, :attendees, :note, :unit, :quantity, :currency, :unitPrice, :excl, :vatRate,
					  :vat, :incl, :fee, :customer, :expires, :version, :now, :now, :bookerFirstName, :bookerEmail, :bookerCompany)
					""")
			.params(params)
			.update();
	}

	/** Writes a transition; only status, fee and reason ever change. */
	public void update(Booking b) {
		int rows = this.jdbc
			.sql("""
					UPDATE booking SET status = :status, cancellation_fee_minor = :fee, reason = :reason, cancelled_by = :cancelledBy,
					    version = :version,
					  updated_at = :now WHERE id = :id AND version = :version - 1
					""")
			.param("status", b.status().name())
			.param("fee", b.cancellationFee() == null ? null : b.cancellationFee().amountMinor())
			.param("reason", b.reason())
			.param("cancelledBy", b.cancelledBy() == null ? null : b.cancelledBy().name())
			.param("version", b.version())
			.param("now", Timestamp.from(b.updatedAt()))
			.param("id", b.id())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("Booking " + b.id() + " changed concurrently");
		}
	}

	public Optional<Booking> findById(UUID id) {
		return this.jdbc.sql("SELECT * FROM booking WHERE id = :id")
			.param("id", id)
			.query(BookingRepository::map)
			.optional();
	}

	public Optional<Booking> findByIdForUpdate(UUID id) {
		return this.jdbc.sql("SELECT * FROM booking WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(BookingRepository::map)
			.optional();
	}

	/** Active bookings of a workspace overlapping [from, to). */
	public List<Booking> activeOverlapping(UUID workspaceId, Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT * FROM booking WHERE workspace_id = :w AND status IN ('REQUESTED', 'CONFIRMED')
				AND start_at < :to AND end_at > :from ORDER BY start_at
				""")
			.param("w", workspaceId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(BookingRepository::map)
			.list();
	}

	/**
	 * An establishment's confirmed and requested bookings starting in [from, to), for its
	 * calendar feed.
	 */
	public List<Booking> activeOfEstablishment(UUID establishmentId, Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT * FROM booking WHERE establishment_id = :e AND status IN ('REQUESTED', 'CONFIRMED')
				AND start_at >= :from AND start_at < :to ORDER BY start_at, id
				""")
			.param("e", establishmentId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(BookingRepository::map)
			.list();
	}

	/** When an active booking holds a workspace: all the availability search reads. */
	public record Busy(UUID workspaceId, Instant start, Instant end) {
	}

	/**
	 * Active bookings of these workspaces overlapping [from, to) that started after
	 * {@code notBefore} (the longest booking before {@code from}), so the index on
	 * (workspace, start) is read over a bounded range.
	 */
	public List<Busy> activeBusy(List<UUID> workspaceIds, Instant notBefore, Instant from, Instant to) {
		return this.jdbc
			.sql("""
					SELECT workspace_id, start_at, end_at FROM booking WHERE workspace_id = ANY(:ids)
					AND status IN ('REQUESTED', 'CONFIRMED') AND start_at >= :notBefore AND start_at < :to AND end_at > :from
					""")
			.param("ids", workspaceIds.toArray(UUID[]::new))
			.param("notBefore", Timestamp.from(notBefore))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, i) -> new Busy(rs.getObject("workspace_id", UUID.class),
					rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant()))
			.list();
	}

	/** Requests past their expiry, locked for this replica only. */
	public List<Booking> dueForExpiry(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM booking WHERE status = 'REQUESTED' AND expires_at <= :now
				ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED
				""").param("now", Timestamp.from(now)).param("limit", limit).query(BookingRepository::map).list();
	}

	public List<Booking> search(String where, Map<String, Object> params) {
		return this.jdbc.sql("SELECT * FROM booking WHERE " + where + " ORDER BY start_at, id")
			.params(params)
			.query(BookingRepository::map)
			.list();
	}

	static Booking map(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		PriceBreakdown price = new PriceBreakdown(PriceUnit.valueOf(rs.getString("price_unit")),
				rs.getBigDecimal("quantity").stripTrailingZeros(), Money.of(rs.getLong("unit_price_minor"), currency),
				Money.of(rs.getLong("amount_excl_vat_minor"), currency), new VatRate(rs.getInt("vat_rate_bps")),
				Money.of(rs.getLong("vat_minor"), currency), Money.of(rs.getLong("amount_incl_vat_minor"), currency),
				Money.of(rs.getLong("platform_fee_minor"), currency),
				Money.of(rs.getLong("customer_incl_vat_minor"), currency));
		long fee = rs.getLong("cancellation_fee_minor");
		Money cancellationFee = rs.wasNull() ? null : Money.of(fee, currency);
		Timestamp expires = rs.getTimestamp("expires_at");
		int attendees = rs.getInt("attendees");
		Integer attendeesOrNull = rs.wasNull() ? null : attendees;
		return new Booking(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
				rs.getObject("establishment_id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getObject("booker_id", UUID.class), BookingStatus.valueOf(rs.getString("status")),
				rs.getBoolean("exclusive"), rs.getTimestamp("start_at").toInstant(),
				rs.getTimestamp("end_at").toInstant(), rs.getObject("service_date", LocalDate.class),
				ZoneId.of(rs.getString("timezone")), rs.getString("workspace_name"), attendeesOrNull,
				rs.getString("note"), price, cancellationFee, rs.getString("reason"),
				rs.getString("cancelled_by") == null ? null : Booking.CancelledBy.valueOf(rs.getString("cancelled_by")),
				expires == null ? null : expires.toInstant(), rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				new Booking.Booker(rs.getString("booker_first_name"), rs.getString("booker_email"),
						rs.getString("booker_company")));
	}

}
