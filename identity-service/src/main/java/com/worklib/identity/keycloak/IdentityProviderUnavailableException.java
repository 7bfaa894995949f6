package com.worklib.identity.keycloak;

import com.worklib.platform.messaging.DependencyUnavailableException;

/**
 * The identity provider did not answer in time, or answered with a server error: 503 to a
 * request, and a consumer (a membership change, a claim) retries until Keycloak is back.
 */
public class IdentityProviderUnavailableException extends DependencyUnavailableException {

	public IdentityProviderUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
