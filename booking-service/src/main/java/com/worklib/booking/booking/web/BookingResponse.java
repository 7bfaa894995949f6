package com.worklib.booking.booking.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.worklib.booking.booking.Booking;
import com.worklib.booking.catalog.CatalogEstablishment;
import com.worklib.contracts.MoneyAmount;
import com.worklib.platform.money.PriceBreakdown;

/**
 * A booking as API.md shows it. Times are in the venue's offset. The booker sees customer
 * amounts (with the platform fee); the partner's members and ops see partner amounts
 * only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingResponse(UUID bookingId, UUID workspaceId, String workspaceName, UUID establishmentId,
		UUID partnerId, String status, OffsetDateTime start, OffsetDateTime end, LocalDate serviceDate, String timezone,
		Price price, MoneyAmount cancellationFee, String reason, OffsetDateTime expiresAt, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, long version, Booker booker, Place place, Cancellation cancellation) {

	/**
	 * What cancelling costs the booker (added 2026-12), while the booking holds its slot:
	 * free until {@code freeUntil} (the same local time the day before), then
	 * {@code lateFee}; a request not yet confirmed is free until its start, no fee.
	 * {@code feeNow}: what cancelling at the time of the answer would cost, by booking's
	 * clock (absent when free), so a page never judges the deadline with another clock.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Cancellation(OffsetDateTime freeUntil, MoneyAmount lateFee, MoneyAmount feeNow) {

		static Cancellation of(Booking b, java.time.Instant now) {
			if (!b.status().holdsSlot()) {
				return null;
			}
			if (b.status() == com.worklib.booking.booking.BookingStatus.REQUESTED) {
				return new Cancellation(b.start().atZone(b.timezone()).toOffsetDateTime(), null, null);
			}
			var fee = b.bookerCancellationFeeAt(now);
			return new Cancellation(b.cancellationDeadline().atZone(b.timezone()).toOffsetDateTime(),
					b.price().amountExclVat().toWire(), fee == null ? null : fee.toWire());
		}

	}

	/**
	 * Where it is and how to get in (added 2026-12), for the booker and the partner's
	 * members: the establishment's name and address, the booking contact's phone and the
	 * access instructions. Absent in lists made for the partner's table.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Place(String establishmentName, CatalogEstablishment.Address address, String phone,
			String accessInstructions) {

		static Place of(CatalogEstablishment e) {
			return e == null ? null : new Place(e.name(), e.address().line1() == null ? null : e.address(), e.phone(),
					e.accessInstructions());
		}

	}

	/**
	 * Who booked, for the partner's members (added 2026-12): the first name and the
	 * company, and the address only while a request waits for the partner's answer.
	 * Absent for the booker.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Booker(String firstName, String email, String company) {

		static Booker of(Booking b) {
			if (b.booker() == null
					|| (b.booker().firstName() == null && b.booker().email() == null && b.booker().company() == null)) {
				return null;
			}
			return new Booker(b.booker().firstName(),
					b.status() == com.worklib.booking.booking.BookingStatus.REQUESTED ? b.booker().email() : null,
					b.booker().company());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Price(String unit, String quantity, MoneyAmount unitPriceExclVat, MoneyAmount amountExclVat,
			int vatRateBps, MoneyAmount vatAmount, MoneyAmount amountInclVat, MoneyAmount platformFee,
			MoneyAmount customerAmountInclVat) {

		static Price of(PriceBreakdown p, boolean customerView) {
			return new Price(p.unit().name(), p.quantity().toPlainString(), p.unitPriceExclVat().toWire(),
					p.amountExclVat().toWire(), p.vatRate().bps(), p.vatAmount().toWire(), p.amountInclVat().toWire(),
					customerView ? p.platformFee().toWire() : null,
					customerView ? p.customerAmountInclVat().toWire() : null);
		}

	}

	public static BookingResponse of(Booking b, boolean customerView) {
		return of(b, customerView, null, null);
	}

	/**
	 * @param now when the booker asks, for what cancelling would cost; null leaves
	 * {@code cancellation} out
	 */
	public static BookingResponse of(Booking b, boolean customerView, CatalogEstablishment establishment,
			java.time.Instant now) {
		return new BookingResponse(b.id(), b.workspaceId(), b.workspaceName(), b.establishmentId(), b.partnerId(),
				b.status().name(), b.start().atZone(b.timezone()).toOffsetDateTime(),
				b.end().atZone(b.timezone()).toOffsetDateTime(), b.serviceDate(), b.timezone().getId(),
				Price.of(b.price(), customerView), b.cancellationFee() == null ? null : b.cancellationFee().toWire(),
				b.reason(), b.expiresAt() == null ? null : b.expiresAt().atZone(b.timezone()).toOffsetDateTime(),
				b.createdAt().atZone(b.timezone()).toOffsetDateTime(),
				b.updatedAt().atZone(b.timezone()).toOffsetDateTime(), b.version(), customerView ? null : Booker.of(b),
				Place.of(establishment), customerView && now != null ? Cancellation.of(b, now) : null);
	}

}
