package com.worklib.identity.keycloak.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.worklib.identity.keycloak.IdentityProviderUnavailableException;
import com.worklib.identity.keycloak.PasswordRejectedException;
import com.worklib.platform.domain.FieldError;
import com.worklib.platform.web.Problems;

/**
 * Keycloak's failures as clients see them: 503 when it is down, 400 naming the password
 * rule.
 */
@RestControllerAdvice
@Order(-1)
class IdentityErrors {

	@ExceptionHandler(IdentityProviderUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(IdentityProviderUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "30")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Service Unavailable",
					"Accounts cannot be changed right now; nothing was saved. Try again in a minute."));
	}

	@ExceptionHandler(PasswordRejectedException.class)
	ResponseEntity<ProblemDetail> password(PasswordRejectedException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.validation("password " + ex.getMessage(),
					List.of(new FieldError("password", ex.getMessage()))));
	}

}
