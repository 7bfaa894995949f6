package com.worklib.payment.payout;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.contracts.EventTypes;
import com.worklib.payment.account.ConnectedAccount;
import com.worklib.payment.account.ConnectedAccountRepository;
import com.worklib.payment.provider.PaymentProvider.TransferOutcome;
import com.worklib.payment.provider.PaymentProvider.TransferRequest;
import com.worklib.payment.provider.PaymentProvider;
import com.worklib.payment.provider.ProviderUnavailableException;

/**
 * Pays one due payout. The attempt is committed before Stripe is called and its id is the
 * idempotency key, so whatever happens between the call and storing its result (timeout,
 * crash), repeating the attempt cannot move money twice. Stripe forgets keys after 24 h:
 * an older open attempt is settled by looking its transfer up instead.
 */
@Component
class PayoutTransfers {

	private static final Logger log = LoggerFactory.getLogger(PayoutTransfers.class);

	static final Duration KEY_LIFETIME = Duration.ofHours(24);

	enum Result {

		TRANSFERRED, BLOCKED, FAILED, RETRYING

	}

	private final PayoutRepository payouts;

	private final TransferAttemptRepository attempts;

	private final ConnectedAccountRepository accounts;

	private final PaymentProvider provider;

	private final PayoutLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PayoutTransfers(PayoutRepository payouts, TransferAttemptRepository attempts, ConnectedAccountRepository accounts,
			PaymentProvider provider, PayoutLedger ledger, TransactionTemplate transactions, Clock clock) {
		this.payouts = payouts;
		this.attempts = attempts;
		this.accounts = accounts;
		this.provider = provider;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	Result process(Payout payout, LocalDate runDate, UUID runId) {
		try {
			return transfer(payout, runDate, runId);
		}
		finally {
			this.payouts.release(payout.payoutId());
		}
	}

	private Result transfer(Payout payout, LocalDate runDate, UUID runId) {
		Optional<ConnectedAccount> account = this.accounts.find(payout.partnerId());
		// map() would turn "nothing blocks" (null) into "no account": decide explicitly
		String blocker = account.isEmpty()
				? "No Stripe account yet: an owner or finance member must start payout onboarding"
				: account.get().payoutBlocker();
		if (blocker != null) {
			if (!(payout.status() == PayoutStatus.BLOCKED && blocker.equals(payout.reason()))) {
				// announced once per reason, so the partner is not mailed every day
				inTransaction(() -> this.ledger.record(payout.blocked(blocker), EventTypes.PAYOUT_BLOCKED));
			}
			return Result.BLOCKED;
		}
		UUID attemptId;
		try {
			Optional<UUID> open = openAttempt(payout, runId);
			if (open.isEmpty()) {
				return Result.TRANSFERRED;
			}
			attemptId = open.get();
			TransferOutcome outcome = this.provider
				.transfer(new TransferRequest(attemptId, payout.payoutId(), payout.partnerId(), payout.invoiceId(),
						payout.invoiceNumber(), account.get().stripeAccountId(), payout.amount()));
			return switch (outcome) {
				case TransferOutcome.Transferred transferred -> succeeded(payout, attemptId, transferred.transferId());
				case TransferOutcome.Refused refused -> refused(payout, attemptId, refused, runDate);
			};
		}
		catch (ProviderUnavailableException ex) {
			return unavailable(payout, ex, runDate);
		}
	}

	/**
	 * The attempt to repeat or a new one; empty when an expired attempt turned out to
	 * have transferred (the payout is then recorded as transferred).
	 */
	private Optional<UUID> openAttempt(Payout payout, UUID runId) {
		Optional<TransferAttemptRepository.OpenAttempt> open = this.attempts.open(payout.payoutId());
		if (open.isPresent()) {
			if (open.get().createdAt().plus(KEY_LIFETIME).isAfter(this.clock.instant())) {
				return Optional.of(open.get().attemptId());
			}
			UUID expired = open.get().attemptId();
			Optional<String> transfer = this.provider.findTransfer(payout.invoiceNumber(), expired);
			if (transfer.isPresent()) {
				succeeded(payout, expired, transfer.get());
				return Optional.empty();
			}
			this.attempts.abandoned(expired, "Idempotency key expired and no transfer carries it");
		}
		UUID attemptId = UUID.randomUUID();
		if (this.attempts.start(attemptId, payout.payoutId(), runId)) {
			return Optional.of(attemptId);
		}
		return Optional.of(this.attempts.open(payout.payoutId()).orElseThrow().attemptId());
	}

	private Result succeeded(Payout payout, UUID attemptId, String transferId) {
		inTransaction(() -> {
			this.attempts.succeeded(attemptId, transferId);
			this.ledger.record(payout.transferred(transferId, this.clock.instant()), EventTypes.PAYOUT_TRANSFERRED);
		});
		log.info("Payout {} of {} transferred as {}", payout.payoutId(), payout.invoiceNumber(), transferId);
		return Result.TRANSFERRED;
	}

	private Result refused(Payout payout, UUID attemptId, TransferOutcome.Refused refused, LocalDate runDate) {
		String message = "Stripe refused the transfer: " + refused.message();
		if ("destination".equals(refused.param())) {
			inTransaction(() -> {
				this.attempts.refused(attemptId, message);
				this.ledger.record(payout.blocked(message), EventTypes.PAYOUT_BLOCKED);
			});
			return Result.BLOCKED;
		}
		if ("balance_insufficient".equals(refused.code()) && !runDate.isAfter(payout.deadline())) {
			inTransaction(() -> {
				this.attempts.refused(attemptId, message);
				this.payouts.save(payout
					.retrying("Worklib's Stripe balance is too low; retried daily until " + payout.deadline()));
			});
			log.error("Stripe balance insufficient for payout {} of {}", payout.payoutId(), payout.amount());
			return Result.RETRYING;
		}
		inTransaction(() -> {
			this.attempts.refused(attemptId, message);
			this.ledger.record(payout.failed(message), EventTypes.PAYOUT_FAILED);
		});
		return Result.FAILED;
	}

	private Result unavailable(Payout payout, ProviderUnavailableException ex, LocalDate runDate) {
		this.attempts.open(payout.payoutId())
			.ifPresent(open -> this.attempts.failedTry(open.attemptId(), ex.getMessage()));
		if (runDate.isAfter(payout.deadline())) {
			String reason = "Stripe unavailable until the deadline (" + ex.getMessage()
					+ "); the last attempt's outcome is unknown: check transfer group " + payout.invoiceNumber()
					+ " in Stripe before paying by hand";
			inTransaction(() -> this.ledger.record(payout.failed(reason), EventTypes.PAYOUT_FAILED));
			return Result.FAILED;
		}
		inTransaction(() -> this.payouts
			.save(payout.retrying("Stripe unavailable, retried on the next run: " + ex.getMessage())));
		log.warn("Payout {} not transferred yet: {}", payout.payoutId(), ex.getMessage());
		return Result.RETRYING;
	}

	private void inTransaction(Runnable work) {
		this.transactions.executeWithoutResult(status -> work.run());
	}

}
