package com.worklib.payment.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.worklib.platform.money.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The payout's state machine: what may follow what, and what each step keeps. A payout
 * transferred twice, or paid before it was transferred, would be money sent twice or a
 * partner told they were paid when they were not.
 */
class PayoutTest {

	static final Instant AT = Instant.parse("2027-01-12T09:00:00Z");

	static Payout planned() {
		return new Payout(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "ATL-2027-00001", Money.eur(123_450),
				LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 15), PayoutStatus.PLANNED, null, null, null, 1);
	}

	@Test
	void aPlannedPayoutIsTransferredThenPaid() {
		Payout transferred = planned().transferred("tr_1", AT);
		assertThat(transferred.status()).isEqualTo(PayoutStatus.TRANSFERRED);
		assertThat(transferred.transferId()).isEqualTo("tr_1");
		assertThat(transferred.transferredAt()).isEqualTo(AT);
		assertThat(transferred.version()).isEqualTo(2);
		Payout paid = transferred.paid();
		assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
		assertThat(paid.transferId()).isEqualTo("tr_1");
		assertThat(paid.version()).isEqualTo(3);
		assertThat(paid.payload().status()).isEqualTo("PAID");
	}

	@Test
	void aBlockedPayoutWaitsWithItsReasonAndIsTransferredOnceTheAccountIsFixed() {
		Payout blocked = planned().blocked("account RESTRICTED");
		assertThat(blocked.status()).isEqualTo(PayoutStatus.BLOCKED);
		assertThat(blocked.reason()).isEqualTo("account RESTRICTED");
		Payout transferred = blocked.transferred("tr_2", AT);
		assertThat(transferred.status()).isEqualTo(PayoutStatus.TRANSFERRED);
		assertThat(transferred.reason()).isNull();
		assertThat(planned().retrying("Stripe timed out").status()).isEqualTo(PayoutStatus.PLANNED);
	}

	@Test
	void openOrTransferredPayoutsCanFailButNothingLeavesPaidOrFailed() {
		assertThat(planned().failed("past its deadline").status()).isEqualTo(PayoutStatus.FAILED);
		assertThat(planned().blocked("no account").failed("past its deadline").status()).isEqualTo(PayoutStatus.FAILED);
		assertThat(planned().transferred("tr_3", AT).failed("reversed").status()).isEqualTo(PayoutStatus.FAILED);

		Payout paid = planned().transferred("tr_4", AT).paid();
		Payout failed = planned().failed("refused");
		for (Payout done : new Payout[] { paid, failed }) {
			assertThatThrownBy(() -> done.transferred("tr_again", AT)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Cannot transfer");
			assertThatThrownBy(done::paid).isInstanceOf(IllegalStateException.class);
			assertThatThrownBy(() -> done.blocked("x")).isInstanceOf(IllegalStateException.class);
			assertThatThrownBy(() -> done.retrying("x")).isInstanceOf(IllegalStateException.class);
		}
		assertThatThrownBy(() -> paid.failed("late")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aTransferHappensOnceAndOnlyATransferIsPaid() {
		Payout transferred = planned().transferred("tr_5", AT);
		assertThatThrownBy(() -> transferred.transferred("tr_6", AT)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("in status TRANSFERRED");
		assertThatThrownBy(() -> transferred.blocked("x")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> planned().paid()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("mark paid");
	}

}
