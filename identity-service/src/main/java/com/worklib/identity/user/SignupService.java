package com.worklib.identity.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.identity.keycloak.IdentityProvider;
import com.worklib.identity.keycloak.IdentityProviderUnavailableException;
import com.worklib.identity.mail.MailRequests;
import com.worklib.identity.shared.SecureTokens;
import com.worklib.platform.messaging.EventPublisher;

/**
 * Sign-up, enumeration-safe: a new address gets a Keycloak user without a password, a
 * mirror row and a verification mail; an address signed up but not verified yet gets its
 * pending sign-up replaced (the latest names, every earlier link void, a fresh link); a
 * verified address gets a "you already have an account" mail; all answer the same. No
 * password is taken here: the holder of the mailbox chooses it on the verification step
 * ({@link VerificationService}), so nothing a stranger set before the address was
 * verified survives (account pre-hijacking, ADR 15). Keycloak and the mirror never
 * disagree for long: the attempt is recorded before Keycloak is called, a failed mirror
 * write deletes the Keycloak user, and {@link SignupReconciler} removes what an outage
 * left behind.
 */
@Service
public class SignupService {

	private static final Logger log = LoggerFactory.getLogger(SignupService.class);

	static final Duration VERIFICATION_VALIDITY = Duration.ofHours(24);

	private final IdentityProvider identityProvider;

	private final UserRepository users;

	private final JdbcClient jdbc;

	private final MailRequests mails;

	private final EventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SignupService(IdentityProvider identityProvider, UserRepository users, JdbcClient jdbc, MailRequests mails,
			EventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		this.identityProvider = identityProvider;
		this.users = users;
		this.jdbc = jdbc;
		this.mails = mails;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** {@code company}: the employer, when the person gave one (null otherwise). */
	public record Signup(String email, String firstName, String lastName, String locale, String company) {

		IdentityProvider.NewUser asNewUser() {
			return new IdentityProvider.NewUser(this.email, this.firstName, this.lastName, this.locale);
		}

	}

	public void signup(Signup signup) {
		var existing = this.users.findByEmail(signup.email());
		if (existing.isPresent() && !existing.get().emailVerified()) {
			renewPending(existing.get(), signup);
			return;
		}
		if (existing.isPresent() || this.identityProvider.findUserByEmail(signup.email()).isPresent()) {
			this.transactions.executeWithoutResult(s -> this.mails.accountExists(signup.email(), signup.locale()));
			return;
		}
		recordAttempt(signup.email());
		UUID userId;
		try {
			userId = this.identityProvider.createUser(signup.asNewUser());
		}
		catch (IdentityProviderUnavailableException ex) {
			// the user may exist in Keycloak if only the answer was lost; the reconciler
			// removes it
			throw ex;
		}
		catch (RuntimeException ex) {
			forgetAttempt(signup.email());
			throw ex;
		}
		try {
			this.transactions.executeWithoutResult(s -> createMirror(userId, signup));
		}
		catch (RuntimeException ex) {
			log.warn("Mirror of {} not written ({}); removing the Keycloak user", userId, ex.getMessage());
			this.identityProvider.deleteUser(userId);
			forgetAttempt(signup.email());
			throw ex;
		}
	}

	private void createMirror(UUID userId, Signup signup) {
		UserAccount user = new UserAccount(userId, signup.email(), signup.firstName(), signup.lastName(),
				signup.locale(), false, 1, signup.company());
		this.users.insert(user);
		this.jdbc.sql("DELETE FROM signup_attempt WHERE email = :email").param("email", signup.email()).update();
		this.events.publish(Topics.IDENTITY_USERS, userId.toString(), EventTypes.USER_REGISTERED, userId.toString(),
				user.toPayload());
		mailVerificationLink(user);
	}

	/**
	 * A second sign-up of an address nobody verified yet: the person who just signed up
	 * (whoever they are) gets the names they gave and the only valid link, mailed to the
	 * address. A squatter blocks nothing, and someone whose link expired can finish.
	 */
	private void renewPending(UserAccount pending, Signup signup) {
		this.identityProvider.updateProfile(pending.id(), signup.asNewUser());
		this.transactions.executeWithoutResult(s -> {
			UserAccount renewed = pending.renamed(signup.firstName(), signup.lastName(), signup.locale(),
					signup.company());
			this.users.updateProfile(renewed);
			this.events.publish(Topics.IDENTITY_USERS, renewed.id().toString(), EventTypes.USER_REGISTERED,
					renewed.id().toString(), renewed.toPayload());
			mailFreshLink(renewed);
		});
	}

	/**
	 * A new verification link for an address nobody verified yet, every earlier one void
	 * (login help for someone who signed up and lost or let expire the mail), in the
	 * caller's transaction.
	 */
	void mailFreshLink(UserAccount pending) {
		this.jdbc.sql("DELETE FROM email_verification WHERE user_id = :user AND used_at IS NULL")
			.param("user", pending.id())
			.update();
		mailVerificationLink(pending);
	}

	private void mailVerificationLink(UserAccount user) {
		String token = SecureTokens.newToken();
		Instant expiresAt = this.clock.instant().plus(VERIFICATION_VALIDITY);
		this.jdbc
			.sql("INSERT INTO email_verification (token_hash, user_id, expires_at) VALUES (:hash, :user, :expires)")
			.param("hash", SecureTokens.hash(token))
			.param("user", user.id())
			.param("expires", Timestamp.from(expiresAt))
			.update();
		this.mails.emailVerification(user.email(), user.locale(), user.firstName(), token, expiresAt);
	}

	private void recordAttempt(String email) {
		this.transactions.executeWithoutResult(s -> this.jdbc
			.sql("INSERT INTO signup_attempt (email, started_at) VALUES (:email, :now) "
					+ "ON CONFLICT (email) DO UPDATE SET started_at = EXCLUDED.started_at")
			.param("email", email)
			.param("now", Timestamp.from(this.clock.instant()))
			.update());
	}

	private void forgetAttempt(String email) {
		this.transactions.executeWithoutResult(
				s -> this.jdbc.sql("DELETE FROM signup_attempt WHERE email = :email").param("email", email).update());
	}

}
