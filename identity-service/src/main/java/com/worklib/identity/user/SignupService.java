package com.worklib.identity.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import com.worklib.identity.shared.PasswordPolicy;
import com.worklib.identity.shared.SecureTokens;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.web.FieldValidationException;

/**
 * Sign-up, enumeration-safe: a new address gets a Keycloak user, a mirror row and a
 * verification mail; a known address gets a "you already have an account" mail; both
 * answer the same. Keycloak and the mirror never disagree for long: the attempt is
 * recorded before Keycloak is called, a failed mirror write deletes the Keycloak user,
 * and {@link SignupReconciler} removes what an outage left behind.
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

	public record Signup(String email, String password, String firstName, String lastName, String locale) {
	}

	public void signup(Signup signup) {
		List<String> weak = PasswordPolicy.violations(signup.password(), signup.email());
		if (!weak.isEmpty()) {
			throw FieldValidationException.of("password", String.join("; ", weak));
		}
		if (this.users.findByEmail(signup.email()).isPresent()
				|| this.identityProvider.findUserByEmail(signup.email()).isPresent()) {
			this.transactions.executeWithoutResult(s -> this.mails.accountExists(signup.email(), signup.locale()));
			return;
		}
		recordAttempt(signup.email());
		UUID userId;
		try {
			userId = this.identityProvider.createUser(new IdentityProvider.NewUser(signup.email(), signup.password(),
					signup.firstName(), signup.lastName(), signup.locale()));
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
				signup.locale(), false, 1);
		this.users.insert(user);
		String token = SecureTokens.newToken();
		Instant expiresAt = this.clock.instant().plus(VERIFICATION_VALIDITY);
		this.jdbc
			.sql("INSERT INTO email_verification (token_hash, user_id, expires_at) VALUES (:hash, :user, :expires)")
			.param("hash", SecureTokens.hash(token))
			.param("user", userId)
			.param("expires", Timestamp.from(expiresAt))
			.update();
		this.jdbc.sql("DELETE FROM signup_attempt WHERE email = :email").param("email", signup.email()).update();
		this.events.publish(Topics.IDENTITY_USERS, userId.toString(), EventTypes.USER_REGISTERED, userId.toString(),
				user.toPayload());
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
