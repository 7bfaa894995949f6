package com.worklib.booking.booking;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.worklib.platform.retention.RetentionRule;

/**
 * An {@code Idempotency-Key} protects the retries of one client request, which come
 * within minutes: a key is kept a week ({@code worklib.retention.idempotency-keys}), then
 * the same key creates a new booking.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyRetention {

	@Bean
	RetentionRule idempotencyKeyRetentionRule(@Value("${worklib.retention.idempotency-keys:7d}") Duration keep) {
		return new RetentionRule("idempotency-keys", keep, "idempotency_key", "created_at", null);
	}

}
