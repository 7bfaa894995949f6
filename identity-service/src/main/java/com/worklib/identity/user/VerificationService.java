package com.worklib.identity.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.identity.keycloak.IdentityProvider;
import com.worklib.identity.shared.PasswordPolicy;
import com.worklib.identity.shared.SecureTokens;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.security.CurrentUser;

/**
 * The verification step, reached only through the link mailed to the address: its holder
 * chooses the password (the account had none until now, ADR 15), and the address is
 * marked verified in Keycloak and here, gets the realm role {@code employee} (every
 * verified user may book), {@code UserEmailVerified} is published and every pending claim
 * for that address is executed. A refused password or a Keycloak failure changes nothing
 * and the link still works.
 */
@Service
public class VerificationService {

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final IdentityProvider identityProvider;

	private final ClaimService claims;

	private final EventPublisher events;

	private final Clock clock;

	VerificationService(JdbcClient jdbc, UserRepository users, IdentityProvider identityProvider, ClaimService claims,
			EventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.identityProvider = identityProvider;
		this.claims = claims;
		this.events = events;
		this.clock = clock;
	}

	public record Verified(UUID userId, String email, List<UUID> claimedPartnerIds) {
	}

	record Token(UUID userId, Timestamp expiresAt, Timestamp usedAt) {
	}

	@Transactional
	public Verified verify(String token, String password) {
		Instant now = this.clock.instant();
		Token row = this.jdbc
			.sql("SELECT user_id, expires_at, used_at FROM email_verification WHERE token_hash = :hash FOR UPDATE")
			.param("hash", SecureTokens.hash(token))
			.query(Token.class)
			.optional()
			.orElseThrow(() -> gone("This verification link is not valid (a later sign-up replaces earlier links): "
					+ "use the latest one we sent, or sign up again to get a new one"));
		if (row.usedAt() != null) {
			throw gone("This verification link was already used");
		}
		if (!now.isBefore(row.expiresAt().toInstant())) {
			throw gone("This verification link expired; sign up again to get a new one");
		}
		UserAccount user = this.users.findById(row.userId()).orElseThrow();
		List<String> weak = PasswordPolicy.violations(password, user.email());
		if (!weak.isEmpty()) {
			throw FieldValidationException.of("password",
					password == null ? "choose your password: " + String.join("; ", weak) : String.join("; ", weak));
		}
		this.identityProvider.setPassword(user.id(), password);
		this.jdbc.sql("UPDATE email_verification SET used_at = :now WHERE token_hash = :hash")
			.param("now", Timestamp.from(now))
			.param("hash", SecureTokens.hash(token))
			.update();
		if (!user.emailVerified()) {
			this.identityProvider.markEmailVerified(user.id());
			this.identityProvider.addRealmRole(user.id(), CurrentUser.ROLE_EMPLOYEE);
			user = user.verified();
			this.users.markVerified(user);
			this.events.publish(Topics.IDENTITY_USERS, user.id().toString(), EventTypes.USER_EMAIL_VERIFIED,
					user.id().toString(), user.toPayload());
		}
		return new Verified(user.id(), user.email(), this.claims.claimFor(user));
	}

	static LinkGone gone(String detail) {
		return new LinkGone(detail);
	}

}
