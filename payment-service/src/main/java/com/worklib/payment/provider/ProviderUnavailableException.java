package com.worklib.payment.provider;

/**
 * The provider could not be reached, answered 429 or 5xx after retries, or the circuit is
 * open. For a transfer the outcome is unknown: the same attempt must be repeated.
 */
public class ProviderUnavailableException extends RuntimeException {

	public ProviderUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
