package com.worklib.billing.close;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import com.worklib.contracts.booking.BookingPayload;
import com.worklib.platform.money.Money;

/**
 * What one booking bills the partner now: a confirmed booking its partner amount
 * excluding VAT, frozen when it was booked; a late cancellation its fee; anything else
 * nothing. The service month is the month of the service date (venue time). Unit,
 * quantity and unit price are the booking's, as frozen with its price.
 */
public record BillableItem(UUID bookingId, UUID partnerId, UUID workspaceId, LocalDate serviceDate,
		String bookingStatus, Kind kind, Money amountExclVat, int vatRateBps, long bookingVersion, String unit,
		java.math.BigDecimal quantity, Money unitPriceExclVat) {

	/** Why a booking bills what it bills. */
	public enum Kind {

		/** A confirmed booking: its frozen price excluding VAT. */
		BOOKING,
		/** Cancelled within the fee window: the cancellation fee. */
		LATE_CANCELLATION,
		/** Requested, refused, expired or cancelled in time: zero. */
		NOTHING

	}

	public static BillableItem from(BookingPayload booking) {
		Kind kind;
		Money amount;
		if ("CONFIRMED".equals(booking.status())) {
			kind = Kind.BOOKING;
			amount = Money.from(booking.price().amountExclVat());
		}
		else if ("CANCELLED".equals(booking.status()) && booking.cancellationFee() != null
				&& booking.cancellationFee().amountMinor() > 0) {
			kind = Kind.LATE_CANCELLATION;
			amount = Money.from(booking.cancellationFee());
		}
		else {
			kind = Kind.NOTHING;
			amount = Money.zero(Money.from(booking.price().amountExclVat()).currency());
		}
		return new BillableItem(booking.bookingId(), booking.partnerId(), booking.workspaceId(), booking.serviceDate(),
				booking.status(), kind, amount, booking.price().vatRateBps(), booking.version(), booking.price().unit(),
				new java.math.BigDecimal(booking.price().quantity()), Money.from(booking.price().unitPriceExclVat()));
	}

	public YearMonth serviceMonth() {
		return YearMonth.from(this.serviceDate);
	}

}
