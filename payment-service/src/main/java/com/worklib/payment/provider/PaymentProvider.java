package com.worklib.payment.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.worklib.platform.money.Money;

/**
 * What payment-service needs from a payment provider (Stripe Connect). Calls that cannot
 * reach the provider, or whose outcome is unknown, throw
 * {@link ProviderUnavailableException}.
 */
public interface PaymentProvider {

	/**
	 * Creates the partner's Express connected account; the same partner asking twice
	 * within a day gets the same account.
	 */
	AccountState createConnectedAccount(UUID partnerId);

	OnboardingLink createOnboardingLink(String accountId, String refreshUrl, String returnUrl);

	AccountState retrieveAccount(String accountId);

	/**
	 * Transfers the amount to the connected account, with the attempt id as idempotency
	 * key: repeating an attempt never moves money twice.
	 */
	TransferOutcome transfer(TransferRequest request);

	/** The transfer an attempt made, looked up by transfer group and metadata. */
	Optional<String> findTransfer(String transferGroup, UUID attemptId);

	/** A connected account as the provider sees it. */
	record AccountState(String accountId, boolean payoutsEnabled, boolean detailsSubmitted,
			List<String> requirementsDue, String disabledReason) {
	}

	record OnboardingLink(String url, Instant expiresAt) {
	}

	record TransferRequest(UUID attemptId, UUID payoutId, UUID partnerId, UUID invoiceId, String invoiceNumber,
			String destination, Money amount) {
	}

	/** The answer to a transfer: done, or refused for good (nothing was moved). */
	sealed interface TransferOutcome {

		record Transferred(String transferId) implements TransferOutcome {
		}

		/**
		 * @param code Stripe's error code, e.g. {@code balance_insufficient}
		 * @param param the parameter Stripe blames, e.g. {@code destination}
		 */
		record Refused(String code, String param, String message) implements TransferOutcome {
		}

	}

}
