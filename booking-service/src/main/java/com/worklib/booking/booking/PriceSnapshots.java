package com.worklib.booking.booking;

import com.worklib.contracts.booking.BookingPayload.PriceSnapshot;
import com.worklib.platform.money.PriceBreakdown;

/**
 * The frozen price as {@code booking.bookings.v1} carries it: the breakdown's numbers,
 * unchanged, in the event's wire format. The shared library knows no service's events;
 * this is where the booking's price becomes its event's.
 */
final class PriceSnapshots {

	private PriceSnapshots() {
	}

	static PriceSnapshot of(PriceBreakdown price) {
		return new PriceSnapshot(price.unit().name(), price.quantity().toPlainString(),
				price.unitPriceExclVat().toWire(), price.amountExclVat().toWire(), price.vatRate().bps(),
				price.vatAmount().toWire(), price.amountInclVat().toWire(), price.platformFee().toWire(),
				price.customerAmountInclVat().toWire());
	}

}
