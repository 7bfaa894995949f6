package com.worklib.billing.items;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import com.worklib.contracts.booking.BookingPayload;
import com.worklib.platform.money.Money;

/**
 * What one booking bills the partner now: a confirmed booking its partner amount
 * excluding VAT, a late cancellation its fee, anything else nothing. The service month is
 * the month of the service date (venue time).
 *
 * @param kind BOOKING, LATE_CANCELLATION or NOTHING
 */
public record BillableItem(UUID bookingId, UUID partnerId, UUID workspaceId, LocalDate serviceDate,
		String bookingStatus, String kind, Money amountExclVat, int vatRateBps, long bookingVersion) {

	public static BillableItem from(BookingPayload booking) {
		Money partnerAmount = Money.from(booking.price().amountExclVat());
		Money zero = Money.zero(partnerAmount.currency());
		String kind;
		Money amount;
		if ("CONFIRMED".equals(booking.status())) {
			kind = "BOOKING";
			amount = partnerAmount;
		}
		else if ("CANCELLED".equals(booking.status()) && booking.cancellationFee() != null
				&& booking.cancellationFee().amountMinor() > 0) {
			kind = "LATE_CANCELLATION";
			amount = Money.from(booking.cancellationFee());
		}
		else {
			kind = "NOTHING";
			amount = zero;
		}
		return new BillableItem(booking.bookingId(), booking.partnerId(), booking.workspaceId(), booking.serviceDate(),
				booking.status(), kind, amount, booking.price().vatRateBps(), booking.version());
	}

	public YearMonth serviceMonth() {
		return YearMonth.from(this.serviceDate);
	}

}
