package com.worklib.payment.webhook;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.worklib.platform.retention.RetentionRule;

/**
 * The webhook log deduplicates Stripe's deliveries, which Stripe retries for up to three
 * days: an event is kept 30 days ({@code worklib.retention.stripe-events}), long enough
 * for any retry and for support to look a recent one up.
 */
@Configuration(proxyBeanMethods = false)
class StripeEventRetention {

	@Bean
	RetentionRule stripeEventRetentionRule(@Value("${worklib.retention.stripe-events:30d}") Duration keep) {
		return new RetentionRule("stripe-events", keep, "stripe_event", "received_at", null);
	}

}
