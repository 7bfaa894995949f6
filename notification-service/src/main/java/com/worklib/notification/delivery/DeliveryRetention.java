package com.worklib.notification.delivery;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.worklib.platform.retention.RetentionRule;

/**
 * The delivery log answers "what did this partner receive?" for a year and a month
 * ({@code worklib.retention.deliveries}, 400 days); a mail still pending is never
 * deleted. Its dedupe keys go with it, long after any event could be redelivered.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetention {

	@Bean
	RetentionRule deliveryRetentionRule(@Value("${worklib.retention.deliveries:400d}") Duration keep) {
		return new RetentionRule("deliveries", keep, "delivery", "created_at", "status <> 'PENDING'");
	}

}
