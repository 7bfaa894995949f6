package com.worklib.payment.payout;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.contracts.Topics;
import com.worklib.platform.messaging.EventPublisher;

/**
 * Saves a payout transition and records its event on {@code payment.payouts.v1},
 * together.
 */
@Component
class PayoutLedger {

	private final PayoutRepository payouts;

	private final EventPublisher events;

	PayoutLedger(PayoutRepository payouts, EventPublisher events) {
		this.payouts = payouts;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Payout record(Payout next, String eventType) {
		this.payouts.save(next);
		this.events.publish(Topics.PAYMENT_PAYOUTS, next.partnerId().toString(), eventType, next.payoutId().toString(),
				next.payload());
		return next;
	}

}
