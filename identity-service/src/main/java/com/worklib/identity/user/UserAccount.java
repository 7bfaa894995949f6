package com.worklib.identity.user;

import java.util.UUID;

import com.worklib.contracts.identity.UserPayload;

/** The mirror of a Keycloak user; {@code id} is Keycloak's user id. */
public record UserAccount(UUID id, String email, String firstName, String lastName, String locale,
		boolean emailVerified, long version, String company) {

	public UserAccount verified() {
		return new UserAccount(this.id, this.email, this.firstName, this.lastName, this.locale, true, this.version + 1,
				this.company);
	}

	/**
	 * The names, language and company of a later sign-up of the same, still unverified,
	 * address.
	 */
	public UserAccount renamed(String firstName, String lastName, String locale, String company) {
		return new UserAccount(this.id, this.email, firstName, lastName, locale, this.emailVerified, this.version + 1,
				company);
	}

	public String displayName() {
		return (this.firstName + " " + this.lastName).trim();
	}

	public UserPayload toPayload() {
		return new UserPayload(this.id, this.email, this.firstName, this.lastName, this.locale, this.emailVerified,
				this.version, this.company);
	}

}
