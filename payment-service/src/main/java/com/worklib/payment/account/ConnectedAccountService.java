package com.worklib.payment.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.payment.provider.PaymentProvider.AccountState;
import com.worklib.payment.provider.PaymentProvider.OnboardingLink;
import com.worklib.payment.provider.PaymentProvider;
import com.worklib.platform.messaging.EventPublisher;

/**
 * Opens a partner's connected account on first onboarding, hands out Stripe-hosted
 * onboarding links, and keeps the account state Stripe reports (webhooks), publishing
 * each change on {@code payment.accounts.v1}.
 */
@Service
public class ConnectedAccountService {

	private static final Logger log = LoggerFactory.getLogger(ConnectedAccountService.class);

	private final ConnectedAccountRepository accounts;

	private final PaymentProvider provider;

	private final EventPublisher events;

	private final TransactionTemplate transactions;

	private final String backOfficeUrl;

	ConnectedAccountService(ConnectedAccountRepository accounts, PaymentProvider provider, EventPublisher events,
			TransactionTemplate transactions,
			@Value("${worklib.payment.back-office-url:http://localhost:3000}") String backOfficeUrl) {
		this.accounts = accounts;
		this.provider = provider;
		this.events = events;
		this.transactions = transactions;
		this.backOfficeUrl = backOfficeUrl;
	}

	/**
	 * A fresh onboarding link (they expire within minutes), creating the Stripe account
	 * the first time. Two simultaneous first clicks get one account: the creation carries
	 * a per-partner idempotency key.
	 */
	public OnboardingLink onboardingLink(UUID partnerId) {
		ConnectedAccount account = this.accounts.find(partnerId).orElseGet(() -> open(partnerId));
		String payouts = this.backOfficeUrl + "/partners/" + partnerId + "/payouts";
		return this.provider.createOnboardingLink(account.stripeAccountId(), payouts + "?onboarding=refresh",
				payouts + "?onboarding=return");
	}

	private ConnectedAccount open(UUID partnerId) {
		AccountState state = this.provider.createConnectedAccount(partnerId);
		return this.transactions.execute(tx -> {
			if (this.accounts.insert(partnerId, state)) {
				ConnectedAccount created = this.accounts.find(partnerId).orElseThrow();
				publish(created);
				log.info("Stripe account {} opened for partner {}", state.accountId(), partnerId);
				return created;
			}
			return this.accounts.find(partnerId).orElseThrow();
		});
	}

	/**
	 * Applies the account as Stripe reported it at {@code reportedAt}; an older report
	 * than the one applied is ignored (Stripe does not order events).
	 * @return the updated account, empty when unknown or stale
	 */
	public Optional<ConnectedAccount> apply(AccountState state, Instant reportedAt) {
		Optional<ConnectedAccount> current = this.accounts.findByStripeId(state.accountId());
		if (current.isEmpty()) {
			log.warn("account.updated for {}, which is not a Worklib partner's account", state.accountId());
			return Optional.empty();
		}
		if (current.get().stripeUpdatedAt() != null && reportedAt.isBefore(current.get().stripeUpdatedAt())) {
			return Optional.empty();
		}
		this.accounts.update(current.get().partnerId(), state, reportedAt);
		ConnectedAccount updated = this.accounts.find(current.get().partnerId()).orElseThrow();
		publish(updated);
		return Optional.of(updated);
	}

	private void publish(ConnectedAccount account) {
		this.events.publish(Topics.PAYMENT_ACCOUNTS, account.partnerId().toString(),
				EventTypes.CONNECTED_ACCOUNT_UPDATED, account.partnerId().toString(), account.payload());
	}

}
