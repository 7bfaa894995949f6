package com.worklib.payment.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.contracts.EventTypes;

/**
 * What Stripe reports after a transfer: the connected account's bank payout paid or
 * failed (it sweeps every transferred amount on the account's balance), or the transfer
 * reversed. Each becomes a payout status that billing turns into invoice status.
 */
@Component
public class PayoutSettlements {

	private final PayoutRepository payouts;

	private final PayoutLedger ledger;

	PayoutSettlements(PayoutRepository payouts, PayoutLedger ledger) {
		this.payouts = payouts;
		this.ledger = ledger;
	}

	/**
	 * Stripe stamps objects in whole seconds on its own clock, while a transfer's time is
	 * ours, taken after Stripe answered: a transfer is covered by a bank payout stamped
	 * up to this much before it.
	 */
	static final Duration STRIPE_CLOCK_TOLERANCE = Duration.ofSeconds(5);

	/**
	 * @return how many payouts changed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int bankPayout(String stripeAccountId, Instant payoutCreated, boolean paid, String failure) {
		List<Payout> covered = this.payouts.transferredTo(stripeAccountId, payoutCreated.plus(STRIPE_CLOCK_TOLERANCE));
		for (Payout payout : covered) {
			if (paid) {
				this.ledger.record(payout.paid(), EventTypes.PAYOUT_PAID);
			}
			else {
				this.ledger.record(payout.failed("The bank payout from Stripe failed: " + failure),
						EventTypes.PAYOUT_FAILED);
			}
		}
		return covered.size();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public int transferReversed(String transferId) {
		return this.payouts.findByTransfer(transferId)
			.filter(p -> p.status() == PayoutStatus.TRANSFERRED)
			.map(payout -> {
				this.ledger.record(payout.failed("The transfer " + transferId + " was reversed in Stripe"),
						EventTypes.PAYOUT_FAILED);
				return 1;
			})
			.orElse(0);
	}

}
