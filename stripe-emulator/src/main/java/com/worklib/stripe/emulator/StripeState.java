package com.worklib.stripe.emulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the emulated Stripe account holds: connected accounts, transfers, payouts, the
 * platform balance, stored idempotent responses and the failures it was told to inject.
 * Every method is synchronized: the emulator serves tests and demos, not throughput.
 */
final class StripeState {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Clock clock;

	private final Map<String, Account> accounts = new LinkedHashMap<>();

	private final Map<String, Transfer> transfers = new LinkedHashMap<>();

	private final Map<String, StoredResponse> idempotentResponses = new HashMap<>();

	private final Map<String, Deque<Failure>> failures = new HashMap<>();

	private long availableBalance = 1_000_000_000_00L;

	StripeState(Clock clock) {
		this.clock = clock;
	}

	static String id(String prefix) {
		StringBuilder id = new StringBuilder(prefix);
		for (int i = 0; i < 16; i++) {
			id.append(ALPHANUMERIC.charAt(ThreadLocalRandom.current().nextInt(ALPHANUMERIC.length())));
		}
		return id.toString();
	}

	long now() {
		return this.clock.instant().getEpochSecond();
	}

	synchronized Account createAccount(String type, String country, String email, Map<String, String> metadata) {
		Account account = new Account(id("acct_"), type == null ? "express" : type, country == null ? "FR" : country,
				email, metadata, now());
		this.accounts.put(account.id, account);
		return account;
	}

	synchronized Optional<Account> account(String id) {
		return Optional.ofNullable(this.accounts.get(id));
	}

	synchronized Transfer createTransfer(long amount, String currency, String destination, String transferGroup,
			Map<String, String> metadata, String idempotencyKey) {
		Transfer transfer = new Transfer(id("tr_"), amount, currency, destination, transferGroup, metadata,
				idempotencyKey, now());
		this.transfers.put(transfer.id, transfer);
		this.availableBalance -= amount;
		this.accounts.get(destination).pendingBalance += amount;
		return transfer;
	}

	synchronized Optional<Transfer> transfer(String id) {
		return Optional.ofNullable(this.transfers.get(id));
	}

	synchronized List<Transfer> transfers() {
		return new ArrayList<>(this.transfers.values());
	}

	synchronized long availableBalance() {
		return this.availableBalance;
	}

	synchronized void setAvailableBalance(long amount) {
		this.availableBalance = amount;
	}

	synchronized Optional<StoredResponse> storedResponse(String idempotencyKey) {
		return Optional.ofNullable(this.idempotentResponses.get(idempotencyKey));
	}

	synchronized void storeResponse(String idempotencyKey, StoredResponse response) {
		this.idempotentResponses.put(idempotencyKey, response);
	}

	synchronized void addFailures(String endpoint, Failure failure, int count) {
		Deque<Failure> queue = this.failures.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
		for (int i = 0; i < count; i++) {
			queue.add(failure);
		}
	}

	synchronized Optional<Failure> nextFailure(String endpoint) {
		Deque<Failure> queue = this.failures.get(endpoint);
		return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
	}

	synchronized void clearFailures() {
		this.failures.clear();
	}

	synchronized Optional<Account> completeOnboarding(String id) {
		Account account = this.accounts.get(id);
		if (account != null) {
			account.detailsSubmitted = true;
			account.payoutsEnabled = true;
			account.chargesEnabled = true;
			account.currentlyDue = List.of();
			account.disabledReason = null;
		}
		return Optional.ofNullable(account);
	}

	synchronized Optional<Account> restrict(String id, List<String> requirements) {
		Account account = this.accounts.get(id);
		if (account != null) {
			account.payoutsEnabled = false;
			account.currentlyDue = List.copyOf(requirements);
			account.disabledReason = "requirements.past_due";
		}
		return Optional.ofNullable(account);
	}

	/**
	 * Pays the account's transferred balance out to its bank (or fails to), as Stripe's
	 * automatic payouts do.
	 */
	synchronized Optional<Payout> payOut(String accountId, boolean paid, String failureCode) {
		Account account = this.accounts.get(accountId);
		if (account == null) {
			return Optional.empty();
		}
		long amount = 0;
		for (Transfer transfer : this.transfers.values()) {
			if (transfer.destination.equals(accountId) && !transfer.paidOut) {
				amount += transfer.amount - transfer.amountReversed;
				transfer.paidOut = paid;
			}
		}
		if (paid) {
			account.pendingBalance = 0;
		}
		return Optional.of(new Payout(id("po_"), accountId, amount, paid ? "paid" : "failed", now(),
				paid ? null : (failureCode == null ? "account_closed" : failureCode)));
	}

	synchronized Optional<Transfer> reverse(String transferId) {
		Transfer transfer = this.transfers.get(transferId);
		if (transfer != null && transfer.amountReversed == 0) {
			transfer.amountReversed = transfer.amount;
			this.availableBalance += transfer.amount;
		}
		return Optional.ofNullable(transfer);
	}

	/** A payout from a connected account's balance to its bank account. */
	record Payout(String id, String accountId, long amount, String status, long created, String failureCode) {
	}

	/**
	 * A response kept for its idempotency key, with the parameters it was first sent
	 * with.
	 */
	record StoredResponse(String fingerprint, int status, String body) {
	}

	/**
	 * An injected failure: {@code kind} is rate_limit, api_error, timeout or
	 * insufficient_funds.
	 */
	record Failure(String kind, long delayMillis) {
	}

	/** A connected account. Mutable; guarded by the state's monitor. */
	static final class Account {

		final String id;

		final String type;

		final String country;

		final String email;

		final Map<String, String> metadata;

		final long created;

		boolean detailsSubmitted;

		boolean payoutsEnabled;

		boolean chargesEnabled;

		List<String> currentlyDue = List.of("business_type", "external_account", "representative.first_name",
				"tos_acceptance.date");

		String disabledReason = "requirements.past_due";

		long pendingBalance;

		Account(String id, String type, String country, String email, Map<String, String> metadata, long created) {
			this.id = id;
			this.type = type;
			this.country = country;
			this.email = email;
			this.metadata = metadata;
			this.created = created;
		}

	}

	/** A transfer from the platform balance to a connected account. */
	static final class Transfer {

		final String id;

		final long amount;

		final String currency;

		final String destination;

		final String transferGroup;

		final Map<String, String> metadata;

		final String idempotencyKey;

		final long created;

		long amountReversed;

		boolean paidOut;

		Transfer(String id, long amount, String currency, String destination, String transferGroup,
				Map<String, String> metadata, String idempotencyKey, long created) {
			this.id = id;
			this.amount = amount;
			this.currency = currency;
			this.destination = destination;
			this.transferGroup = transferGroup;
			this.metadata = metadata;
			this.idempotencyKey = idempotencyKey;
			this.created = created;
		}

	}

}
