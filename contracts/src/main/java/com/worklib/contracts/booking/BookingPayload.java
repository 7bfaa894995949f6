package com.worklib.contracts.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Versioned;

/**
 * State of a booking on {@code booking.bookings.v1}, with its immutable price snapshot.
 * {@code serviceDate} is the venue-local date of the start; {@code cancelledBy} is BOOKER
 * or PARTNER for a cancelled booking.
 */
public record BookingPayload(UUID bookingId, UUID workspaceId, UUID establishmentId, UUID partnerId, UUID bookerUserId,
		String status, Instant start, Instant end, LocalDate serviceDate, String timezone, PriceSnapshot price,
		MoneyAmount cancellationFee, String cancelledBy, long version) implements Versioned {

	public record PriceSnapshot(String unit, String quantity, MoneyAmount unitPriceExclVat, MoneyAmount amountExclVat,
			int vatRateBps, MoneyAmount vatAmount, MoneyAmount amountInclVat, MoneyAmount platformFee,
			MoneyAmount customerAmountInclVat) {
	}

}
