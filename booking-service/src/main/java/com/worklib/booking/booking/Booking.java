package com.worklib.booking.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.worklib.contracts.booking.BookingPayload;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceBreakdown;

/**
 * A booking and its immutable price snapshot. Transitions are guarded: an illegal one
 * throws {@link IllegalTransition} or {@link NotCancellable}, and a legal one returns the
 * booking one version later.
 */
public record Booking(UUID id, UUID workspaceId, UUID establishmentId, UUID partnerId, UUID bookerId,
		BookingStatus status, boolean exclusive, Instant start, Instant end, LocalDate serviceDate, ZoneId timezone,
		String workspaceName, Integer attendees, String note, PriceBreakdown price, Money cancellationFee,
		String reason, CancelledBy cancelledBy, Instant expiresAt, long version, Instant createdAt, Instant updatedAt,
		Booker booker) {

	/**
	 * Who booked, as the token said at booking time: the partner's table shows the first
	 * name, and the address only while a request waits for an answer. Null parts on
	 * bookings made before 2026-12.
	 */
	public record Booker(String firstName, String email, String company) {

		public Booker(String firstName, String email) {
			this(firstName, email, null);
		}

	}

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
		return with(BookingStatus.CANCELLED, bookerCancellationFeeAt(now), reason, CancelledBy.BOOKER);
	}

	/**
	 * What the booker would owe for cancelling at {@code now}: nothing before the
	 * deadline or for a request never confirmed, the partner amount excl. VAT after.
	 */
	public Money bookerCancellationFeeAt(Instant now) {
		boolean late = this.status == BookingStatus.CONFIRMED && !now.isBefore(cancellationDeadline());
		return late ? this.price.amountExclVat() : null;
	}

	/** A partner cancels: always free. */
	public Booking cancelledByPartner(String reason) {
		requireActive();
		return with(BookingStatus.CANCELLED, null, reason, CancelledBy.PARTNER);
	}

	public Instant cancellationDeadline() {
		return cancellationDeadline(this.start, this.timezone);
	}

	/**
	 * The end of free cancellation for a booking starting at {@code start}: the same
	 * local time the day before, whatever daylight saving does in between.
	 */
	public static Instant cancellationDeadline(Instant start, java.time.ZoneId zone) {
		return start.atZone(zone).minusDays(1).toInstant();
	}

	private void requireActive() {
		if (!this.status.holdsSlot()) {
			throw new NotCancellable(this.status);
		}
	}

	private void require(BookingStatus expected, String what) {
		if (this.status != expected) {
			throw new IllegalTransition(expected, what, this.status);
		}
	}

	private Booking with(BookingStatus status, Money fee, String reason) {
		return with(status, fee, reason, null);
	}

	private Booking with(BookingStatus status, Money fee, String reason, CancelledBy cancelledBy) {
		return new Booking(this.id, this.workspaceId, this.establishmentId, this.partnerId, this.bookerId, status,
				this.exclusive, this.start, this.end, this.serviceDate, this.timezone, this.workspaceName,
				this.attendees, this.note, this.price, fee, reason, cancelledBy, this.expiresAt, this.version + 1,
				this.createdAt, this.updatedAt, this.booker);
	}

	/** This state as written at {@code now}. */
	public Booking writtenAt(Instant now) {
		return new Booking(this.id, this.workspaceId, this.establishmentId, this.partnerId, this.bookerId, this.status,
				this.exclusive, this.start, this.end, this.serviceDate, this.timezone, this.workspaceName,
				this.attendees, this.note, this.price, this.cancellationFee, this.reason, this.cancelledBy,
				this.expiresAt, this.version, this.createdAt == null ? now : this.createdAt, now, this.booker);
	}

	/**
	 * Who cancelled a booking: its booker (the fee rule applies) or the partner (always
	 * free).
	 */
	public enum CancelledBy {

		BOOKER, PARTNER

	}

	/** A new booking, version 1; what is not set stays null (no fee, no reason yet). */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds a booking by name rather than by position among 22 arguments. */
	public static final class Builder {

		private UUID id = UUID.randomUUID();

		private UUID workspaceId;

		private UUID establishmentId;

		private UUID partnerId;

		private UUID bookerId;

		private Booker booker = new Booker(null, null);

		private BookingStatus status = BookingStatus.REQUESTED;

		private boolean exclusive;

		private Instant start;

		private Instant end;

		private LocalDate serviceDate;

		private ZoneId timezone;

		private String workspaceName;

		private Integer attendees;

		private String note;

		private PriceBreakdown price;

		private Instant expiresAt;

		private Builder() {
		}

		public Builder id(UUID id) {
			this.id = id;
			return this;
		}

		/**
		 * Where: the workspace, its establishment and partner, and whether one booking
		 * fills it.
		 */
		public Builder workspace(UUID workspaceId, UUID establishmentId, UUID partnerId, String name,
				boolean exclusive) {
			this.workspaceId = workspaceId;
			this.establishmentId = establishmentId;
			this.partnerId = partnerId;
			this.workspaceName = name;
			this.exclusive = exclusive;
			return this;
		}

		public Builder booker(UUID bookerId) {
			this.bookerId = bookerId;
			return this;
		}

		public Builder booker(UUID bookerId, String firstName, String email) {
			return booker(bookerId, firstName, email, null);
		}

		/** Who books, as their token and identity say now: kept with the booking. */
		public Builder booker(UUID bookerId, String firstName, String email, String company) {
			this.bookerId = bookerId;
			this.booker = new Booker(firstName, email, company);
			return this;
		}

		public Builder status(BookingStatus status) {
			this.status = status;
			return this;
		}

		/** When, and the service date in the venue's time zone. */
		public Builder slot(Instant start, Instant end, LocalDate serviceDate, ZoneId timezone) {
			this.start = start;
			this.end = end;
			this.serviceDate = serviceDate;
			this.timezone = timezone;
			return this;
		}

		public Builder attendees(Integer attendees, String note) {
			this.attendees = attendees;
			this.note = note;
			return this;
		}

		public Builder price(PriceBreakdown price) {
			this.price = price;
			return this;
		}

		public Builder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		public Booking build() {
			return new Booking(this.id, this.workspaceId, this.establishmentId, this.partnerId, this.bookerId,
					this.status, this.exclusive, this.start, this.end, this.serviceDate, this.timezone,
					this.workspaceName, this.attendees, this.note, this.price, null, null, null, this.expiresAt, 1,
					null, null, this.booker);
		}

	}

	public BookingPayload toPayload() {
		return new BookingPayload(this.id, this.workspaceId, this.establishmentId, this.partnerId, this.bookerId,
				this.status.name(), this.start, this.end, this.serviceDate, this.timezone.getId(),
				PriceSnapshots.of(this.price), this.cancellationFee == null ? null : this.cancellationFee.toWire(),
				this.cancelledBy == null ? null : this.cancelledBy.name(), this.version);
	}

}
