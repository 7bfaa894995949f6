package com.worklib.payment.provider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class StripeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PaymentProvider paymentProvider(StripeProperties properties) {
		if (properties.secretKey() == null || properties.secretKey().isBlank()) {
			throw new IllegalStateException(
					"worklib.stripe.secret-key (STRIPE_API_KEY) is required: a Stripe test key, or any sk_test_ key with the emulator");
		}
		return new StripePaymentProvider(properties);
	}

}
