package com.worklib.payment.provider.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.worklib.payment.provider.ProviderUnavailableException;
import com.worklib.payment.provider.StripePaymentProvider;
import com.worklib.platform.web.Problems;

/** Stripe unreachable during a request: 503 problem details, try again shortly. */
@RestControllerAdvice
class ProviderUnavailableAdvice {

	@ExceptionHandler(ProviderUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(ProviderUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "30")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "payment-provider-unavailable",
					"Payment provider unavailable", ex.getMessage() + ". Try again in a minute."));
	}

	@ExceptionHandler(StripePaymentProvider.ProviderRefusal.class)
	ResponseEntity<ProblemDetail> refused(StripePaymentProvider.ProviderRefusal ex) {
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(Problems.of(HttpStatus.BAD_GATEWAY, "payment-provider-refused", "Payment provider refused",
					"Stripe refused the request: " + ex.getMessage()));
	}

}
