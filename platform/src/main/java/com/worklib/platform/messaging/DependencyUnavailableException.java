package com.worklib.platform.messaging;

/**
 * A dependency outside the service (an identity provider, a payment provider, a mail
 * relay) did not answer. A consumer that meets it retries the record until the dependency
 * is back ({@link TransientFailures}); a request that meets it answers 503.
 */
public class DependencyUnavailableException extends RuntimeException {

	public DependencyUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
