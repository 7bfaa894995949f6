package com.worklib.identity.keycloak;

/** The realm's password policy refused a password; the message says which rule. */
public class PasswordRejectedException extends RuntimeException {

	public PasswordRejectedException(String message) {
		super(message);
	}

}
