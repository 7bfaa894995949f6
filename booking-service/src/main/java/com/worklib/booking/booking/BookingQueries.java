package com.worklib.booking.booking;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.platform.domain.FieldValidationException;

/**
 * The lists: a booker's bookings, and a partner's bookings table (by service date, venue
 * time).
 */
@Component
public class BookingQueries {

	private final BookingRepository bookings;

	BookingQueries(BookingRepository bookings) {
		this.bookings = bookings;
	}

	@Transactional(readOnly = true)
	public List<Booking> ofBooker(UUID bookerId, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("booker", bookerId);
		return this.bookings.search("booker_id = :booker" + period(from, to, params), params);
	}

	@Transactional(readOnly = true)
	public List<Booking> ofPartner(UUID partnerId, LocalDate from, LocalDate to, BookingStatus status,
			UUID establishmentId, UUID workspaceId) {
		Map<String, Object> params = new HashMap<>();
		params.put("partner", partnerId);
		StringBuilder where = new StringBuilder("partner_id = :partner").append(period(from, to, params));
		if (status != null) {
			where.append(" AND status = :status");
			params.put("status", status.name());
		}
		if (establishmentId != null) {
			where.append(" AND establishment_id = :establishment");
			params.put("establishment", establishmentId);
		}
		if (workspaceId != null) {
			where.append(" AND workspace_id = :workspace");
			params.put("workspace", workspaceId);
		}
		return this.bookings.search(where.toString(), params);
	}

	private static String period(LocalDate from, LocalDate to, Map<String, Object> params) {
		if (from != null && to != null && to.isBefore(from)) {
			throw FieldValidationException.of("to", "must not be before from");
		}
		StringBuilder sql = new StringBuilder();
		if (from != null) {
			sql.append(" AND service_date >= :from");
			params.put("from", from);
		}
		if (to != null) {
			sql.append(" AND service_date <= :to");
			params.put("to", to);
		}
		return sql.toString();
	}

}
