package com.worklib.payment.provider;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe settings. Secrets come from the environment ({@code STRIPE_API_KEY},
 * {@code STRIPE_WEBHOOK_SECRET}); {@code apiBase} is set only for the emulator.
 *
 * @param secretKey the platform's secret key ({@code sk_test_…} or {@code sk_live_…})
 * @param webhookSecret the signing secret of the Connect webhook endpoint
 * @param apiBase the emulator's URL; empty for real Stripe
 * @param livemode whether webhook events must be live-mode events
 * @param requestsPerSecond client-side limit, below Stripe's 25 req/s in test mode
 * @param readTimeout how long a call may take before its outcome counts as unknown
 * @param maxAttempts calls per operation, first one included, on 429/5xx/network errors
 * @param initialBackoff the first pause between attempts, doubled each time
 * @param webhookTolerance how old a signed webhook may be
 * @param breakerMinimumCalls calls in the window before the circuit breaker judges
 * @param breakerOpenDuration how long an open breaker refuses calls
 */
@ConfigurationProperties("worklib.stripe")
public record StripeProperties(String secretKey, String webhookSecret, String apiBase,
		@DefaultValue("false") boolean livemode, @DefaultValue("20") int requestsPerSecond,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout,
		@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
		@DefaultValue("300s") Duration webhookTolerance, @DefaultValue("10") int breakerMinimumCalls,
		@DefaultValue("30s") Duration breakerOpenDuration) {
}
