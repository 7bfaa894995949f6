package com.worklib.booking.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.worklib.contracts.booking.BookingPayload;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceBreakdown;
import com.worklib.platform.web.ApiException;

/**
 * A booking and its immutable price snapshot. Transitions are guarded: an illegal one
 * throws a 409, and a legal one returns the booking one version later.
 */
public record Booking(UUID id, UUID workspaceId, UUID establishmentId, UUID partnerId, UUID bookerId,
		BookingStatus status, boolean exclusive, Instant start, Instant end, LocalDate serviceDate, ZoneId timezone,
		String workspaceName, Integer attendees, String note, PriceBreakdown price, Money cancellationFee,
		String reason, String cancelledBy, Instant expiresAt, long version, Instant createdAt, Instant updatedAt) {

	public Booking confirmed() {
		require(BookingStatus.REQUESTED, "confirmed");
		return with(BookingStatus.CONFIRMED, null, null);
	}

	public Booking declined(String reason) {
		require(BookingStatus.REQUESTED, "declined");
		return with(BookingStatus.DECLINED, null, reason);
	}

	public Booking expired() {
		require(BookingStatus.REQUESTED, "expired");
		return with(BookingStatus.EXPIRED, null, "No answer before " + this.expiresAt);
	}

	/**
	 * The booker cancels: free until 24 h before the start in venue time (same local
	 * clock time the day before, whatever daylight saving does in between); after that
	 * the fee is the full partner amount excluding VAT. A request that was never
	 * confirmed is always free.
	 */
	public Booking cancelledByBooker(String reason, Instant now) {
		requireActive();
		boolean late = this.status == BookingStatus.CONFIRMED && !now.isBefore(cancellationDeadline());
		return with(BookingStatus.CANCELLED, late ? this.price.amountExclVat() : null, reason, "BOOKER");
	}

	/** A partner cancels: always free. */
	public Booking cancelledByPartner(String reason) {
		requireActive();
		return with(BookingStatus.CANCELLED, null, reason, "PARTNER");
	}

	public Instant cancellationDeadline() {
		return this.start.atZone(this.timezone).minusDays(1).toInstant();
	}

	private void requireActive() {
		if (!this.status.holdsSlot()) {
			throw ApiException.conflict("A " + this.status + " booking cannot be cancelled");
		}
	}

	private void require(BookingStatus expected, String what) {
		if (this.status != expected) {
			throw ApiException
				.conflict("Only a " + expected + " booking can be " + what + "; this one is " + this.status);
		}
	}

	private Booking with(BookingStatus status, Money fee, String reason) {
		return with(status, fee, reason, null);
	}

	private Booking with(BookingStatus status, Money fee, String reason, String cancelledBy) {
		return new Booking(this.id, this.workspaceId, this.establishmentId, this.partnerId, this.bookerId, status,
				this.exclusive, this.start, this.end, this.serviceDate, this.timezone, this.workspaceName,
				this.attendees, this.note, this.price, fee, reason, cancelledBy, this.expiresAt, this.version + 1,
				this.createdAt, this.updatedAt);
	}

	/** This state as written at {@code now}. */
	public Booking writtenAt(Instant now) {
		return new Booking(this.id, this.workspaceId, this.establishmentId, this.partnerId, this.bookerId, this.status,
				this.exclusive, this.start, this.end, this.serviceDate, this.timezone, this.workspaceName,
				this.attendees, this.note, this.price, this.cancellationFee, this.reason, this.cancelledBy,
				this.expiresAt, this.version, this.createdAt == null ? now : this.createdAt, now);
	}

	public BookingPayload toPayload() {
		return new BookingPayload(this.id, this.workspaceId, this.establishmentId, this.partnerId, this.bookerId,
				this.status.name(), this.start, this.end, this.serviceDate, this.timezone.getId(),
				PriceSnapshots.of(this.price), this.cancellationFee == null ? null : this.cancellationFee.toWire(),
				this.cancelledBy, this.version);
	}

}
