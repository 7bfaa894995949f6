package com.worklib.payment.provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * {@link PaymentProvider} on Stripe Connect through {@code stripe-java}. Every call goes
 * through a client-side rate limiter (below Stripe's limit), a circuit breaker, and a
 * retry with exponential back-off that only retries what may succeed later: 429, 5xx and
 * network errors. A 4xx is an answer, not a failure.
 */
public class StripePaymentProvider implements PaymentProvider {

	private final StripeClient stripe;

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	private final RateLimiter rateLimiter;

	public StripePaymentProvider(StripeProperties properties) {
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(properties.secretKey())
			.setConnectTimeout((int) properties.connectTimeout().toMillis())
			.setReadTimeout((int) properties.readTimeout().toMillis())
			// retries are ours (below), so they are counted, backed off and
			// circuit-broken
			.setMaxNetworkRetries(0);
		if (properties.apiBase() != null && !properties.apiBase().isBlank()) {
			builder.setApiBase(properties.apiBase());
		}
		this.stripe = builder.build();
		this.retry = Retry.of("stripe", RetryConfig.custom()
			.maxAttempts(properties.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(properties.initialBackoff().toMillis(), 2.0))
			.retryOnException(StripePaymentProvider::retryable)
			.build());
		this.circuitBreaker = CircuitBreaker.of("stripe",
				CircuitBreakerConfig.custom()
					.slidingWindowSize(Math.max(20, properties.breakerMinimumCalls()))
					.minimumNumberOfCalls(properties.breakerMinimumCalls())
					.failureRateThreshold(50)
					.waitDurationInOpenState(properties.breakerOpenDuration())
					.recordException(StripePaymentProvider::retryable)
					.build());
		this.rateLimiter = RateLimiter.of("stripe",
				RateLimiterConfig.custom()
					.limitForPeriod(properties.requestsPerSecond())
					.limitRefreshPeriod(java.time.Duration.ofSeconds(1))
					.timeoutDuration(java.time.Duration.ofSeconds(30))
					.build());
	}

	/** 429, 5xx and network errors (timeouts included) may succeed on another try. */
	static boolean retryable(Throwable error) {
		if (error instanceof ApiConnectionException) {
			return true;
		}
		if (error instanceof StripeException stripe && stripe.getStatusCode() != null) {
			int status = stripe.getStatusCode();
			return status == 429 || status >= 500;
		}
		return false;
	}

	@Override
	public AccountState createConnectedAccount(UUID partnerId) {
		Account account = call("create the connected account", () -> this.stripe.v1()
			.accounts()
			.create(AccountCreateParams.builder()
				.setType(AccountCreateParams.Type.EXPRESS)
				.setCountry("FR")
				.setCapabilities(AccountCreateParams.Capabilities.builder()
					.setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
					.build())
				.putMetadata("partner_id", partnerId.toString())
				.build(), RequestOptions.builder().setIdempotencyKey("connected-account-" + partnerId).build()));
		return state(account);
	}

	@Override
	public OnboardingLink createOnboardingLink(String accountId, String refreshUrl, String returnUrl) {
		AccountLink link = call("create the onboarding link",
				() -> this.stripe.v1()
					.accountLinks()
					.create(AccountLinkCreateParams.builder()
						.setAccount(accountId)
						.setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
						.setRefreshUrl(refreshUrl)
						.setReturnUrl(returnUrl)
						.build()));
		return new OnboardingLink(link.getUrl(), Instant.ofEpochSecond(link.getExpiresAt()));
	}

	@Override
	public AccountState retrieveAccount(String accountId) {
		return state(call("read the connected account", () -> this.stripe.v1().accounts().retrieve(accountId)));
	}

	@Override
	public TransferOutcome transfer(TransferRequest request) {
		try {
			Transfer transfer = call("transfer " + request.invoiceNumber(), () -> this.stripe.v1()
				.transfers()
				.create(TransferCreateParams.builder()
					.setAmount(request.amount().amountMinor())
					.setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(java.util.Locale.ROOT))
					.setDestination(request.destination())
					.setTransferGroup(request.invoiceNumber())
					.putMetadata("invoice_id", request.invoiceId().toString())
					.putMetadata("invoice_number", request.invoiceNumber())
					.putMetadata("partner_id", request.partnerId().toString())
					.putMetadata("payout_id", request.payoutId().toString())
					.putMetadata("attempt_id", request.attemptId().toString())
					.build(), RequestOptions.builder().setIdempotencyKey(request.attemptId().toString()).build()));
			return new TransferOutcome.Transferred(transfer.getId());
		}
		catch (ProviderRefusal refusal) {
			return new TransferOutcome.Refused(refusal.code, refusal.param, refusal.getMessage());
		}
	}

	@Override
	public Optional<String> findTransfer(String transferGroup, UUID attemptId) {
		List<Transfer> transfers = call("look up transfers of " + transferGroup,
				() -> this.stripe.v1()
					.transfers()
					.list(TransferListParams.builder().setTransferGroup(transferGroup).setLimit(100L).build())
					.getData());
		return transfers.stream()
			.filter(t -> t.getMetadata() != null && attemptId.toString().equals(t.getMetadata().get("attempt_id")))
			.map(Transfer::getId)
			.findFirst();
	}

	private static AccountState state(Account account) {
		LinkedHashSet<String> due = new LinkedHashSet<>();
		String disabledReason = null;
		if (account.getRequirements() != null) {
			if (account.getRequirements().getPastDue() != null) {
				due.addAll(account.getRequirements().getPastDue());
			}
			if (account.getRequirements().getCurrentlyDue() != null) {
				due.addAll(account.getRequirements().getCurrentlyDue());
			}
			disabledReason = account.getRequirements().getDisabledReason();
		}
		return new AccountState(account.getId(), Boolean.TRUE.equals(account.getPayoutsEnabled()),
				Boolean.TRUE.equals(account.getDetailsSubmitted()), new ArrayList<>(due), disabledReason);
	}

	/** Reads an account object from a webhook event the same way as from the API. */
	public static AccountState stateOf(Account account) {
		return state(account);
	}

	private <T> T call(String what, CheckedSupplier<T> call) {
		CheckedSupplier<T> decorated = Retry.decorateCheckedSupplier(this.retry, CircuitBreaker
			.decorateCheckedSupplier(this.circuitBreaker, RateLimiter.decorateCheckedSupplier(this.rateLimiter, call)));
		try {
			return decorated.get();
		}
		catch (CallNotPermittedException ex) {
			throw new ProviderUnavailableException("Stripe is failing; calls are paused (circuit open)", ex);
		}
		catch (RequestNotPermitted ex) {
			throw new ProviderUnavailableException("Too many Stripe calls waiting for the rate limit", ex);
		}
		catch (StripeException ex) {
			if (retryable(ex)) {
				throw new ProviderUnavailableException("Stripe could not " + what + ": " + ex.getMessage(), ex);
			}
			throw new ProviderRefusal(ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Stripe call failed: " + what, ex);
		}
	}

	/** Stripe answered with a 4xx: a definitive answer about these parameters. */
	public static class ProviderRefusal extends RuntimeException {

		private final String code;

		private final String param;

		ProviderRefusal(StripeException ex) {
			super(ex.getStripeError() != null && ex.getStripeError().getMessage() != null
					? ex.getStripeError().getMessage() : ex.getMessage(), ex);
			this.code = ex.getCode();
			this.param = ex instanceof InvalidRequestException invalid ? invalid.getParam() : null;
		}

		public String code() {
			return this.code;
		}

	}

}
