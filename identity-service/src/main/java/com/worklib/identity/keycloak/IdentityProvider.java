package com.worklib.identity.keycloak;

import java.util.Optional;
import java.util.UUID;

/**
 * What identity-service asks of the identity provider. Every method either succeeds or
 * throws {@link IdentityProviderUnavailableException} (the provider is down or slow: 503)
 * or {@link PasswordRejectedException} (the realm's password policy refused it: 400).
 */
public interface IdentityProvider {

	/**
	 * Creates an enabled user whose email is not verified yet and who has no password, so
	 * nobody can log in as it until the holder of the mailbox chooses one; returns its id
	 * (the token subject).
	 */
	UUID createUser(NewUser user);

	/** Names and language of a user, as the latest sign-up gave them. */
	void updateProfile(UUID userId, NewUser user);

	/**
	 * Sets the user's password (not temporary), replacing any other.
	 * @throws PasswordRejectedException when the realm's policy refuses it
	 */
	void setPassword(UUID userId, String password);

	Optional<UUID> findUserByEmail(String email);

	void markEmailVerified(UUID userId);

	void deleteUser(UUID userId);

	void addRealmRole(UUID userId, String role);

	void removeRealmRole(UUID userId, String role);

	/** Keycloak mails the user a link to choose a new password. */
	void sendPasswordResetMail(UUID userId);

	record NewUser(String email, String firstName, String lastName, String locale) {
	}

}
