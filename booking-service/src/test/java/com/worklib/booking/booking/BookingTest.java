package com.worklib.booking.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.Pricing;
import com.worklib.platform.money.VatRate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A booking's state machine: REQUESTED → CONFIRMED | DECLINED | EXPIRED, REQUESTED or
 * CONFIRMED → CANCELLED, every transition one version later, everything else refused.
 */
class BookingTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** Tuesday 10:00–12:00 in Paris (winter: UTC+1). */
	static final Instant START = Instant.parse("2026-12-15T09:00:00Z");

	/** A two-hour booking of a 35 € an hour room, in the given status. */
	static Booking.Builder aBooking(BookingStatus status) {
		return Booking.builder()
			.workspace(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Salle Rhône", true)
			.booker(UUID.randomUUID())
			.status(status)
			.slot(START, START.plusSeconds(7200), LocalDate.of(2026, 12, 15), PARIS)
			.price(Pricing.price(Money.eur(3500), PriceUnit.HOUR, new BigDecimal("2"), VatRate.STANDARD_FR, 1500));
	}

	@Test
	void aRequestIsConfirmedDeclinedOrExpiredOnceAndOneVersionLater() {
		Booking request = aBooking(BookingStatus.REQUESTED).expiresAt(START).build();
		assertThat(request.version()).isEqualTo(1);
		Booking confirmed = request.confirmed();
		assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(confirmed.version()).isEqualTo(2);
		assertThat(request.declined("Fermé ce jour-là")).satisfies(b -> {
			assertThat(b.status()).isEqualTo(BookingStatus.DECLINED);
			assertThat(b.reason()).isEqualTo("Fermé ce jour-là");
		});
		assertThat(request.expired().status()).isEqualTo(BookingStatus.EXPIRED);
		for (Booking answered : new Booking[] { confirmed, request.declined(null), request.expired() }) {
			assertThatThrownBy(answered::confirmed).isInstanceOf(IllegalTransition.class)
				.hasMessage("Only a REQUESTED booking can be confirmed; this one is " + answered.status());
			assertThatThrownBy(() -> answered.declined("late")).isInstanceOf(IllegalTransition.class);
			assertThatThrownBy(answered::expired).isInstanceOf(IllegalTransition.class);
		}
	}

	@Test
	void theBookerCancelsFreeUntil24HoursBeforeThenPaysThePartnerAmount() {
		Booking confirmed = aBooking(BookingStatus.CONFIRMED).build();
		Instant deadline = START.minusSeconds(24 * 3600);
		assertThat(confirmed.cancellationDeadline()).isEqualTo(deadline);
		Booking inTime = confirmed.cancelledByBooker("plans changed", deadline.minusSeconds(1));
		assertThat(inTime.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(inTime.cancellationFee()).isNull();
		assertThat(inTime.cancelledBy()).isEqualTo(Booking.CancelledBy.BOOKER);
		Booking late = confirmed.cancelledByBooker("plans changed", deadline);
		assertThat(late.cancellationFee()).isEqualTo(Money.eur(7000));
		assertThat(late.version()).isEqualTo(2);
	}

	@Test
	void aRequestIsAlwaysCancelledFreeAndAPartnerNeverPays() {
		Booking request = aBooking(BookingStatus.REQUESTED).build();
		assertThat(request.cancelledByBooker(null, START).cancellationFee()).isNull();
		Booking byPartner = aBooking(BookingStatus.CONFIRMED).build().cancelledByPartner("dégât des eaux");
		assertThat(byPartner.cancellationFee()).isNull();
		assertThat(byPartner.cancelledBy()).isEqualTo(Booking.CancelledBy.PARTNER);
	}

	@Test
	void aBookingThatHoldsNoSlotCannotBeCancelled() {
		for (BookingStatus status : new BookingStatus[] { BookingStatus.DECLINED, BookingStatus.EXPIRED,
				BookingStatus.CANCELLED }) {
			Booking done = aBooking(status).build();
			assertThatThrownBy(() -> done.cancelledByBooker(null, START)).isInstanceOf(NotCancellable.class)
				.hasMessage("A " + status + " booking cannot be cancelled");
			assertThatThrownBy(() -> done.cancelledByPartner(null)).isInstanceOf(NotCancellable.class);
		}
	}

}
