package com.worklib.identity.keycloak;

/** The identity provider did not answer in time, or answered with a server error. */
public class IdentityProviderUnavailableException extends RuntimeException {

	public IdentityProviderUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
