package com.worklib.identity.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.worklib.identity.keycloak.IdentityProvider;

/**
 * Every minute, sign-ups that were interrupted (Keycloak unreachable, or the service
 * stopped between Keycloak and the mirror) are settled: a Keycloak user with no mirror
 * row is deleted, so the person can simply sign up again. Attempts stay until Keycloak
 * answers.
 */
@Component
class SignupReconciler {

	private static final Logger log = LoggerFactory.getLogger(SignupReconciler.class);

	static final Duration GRACE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final IdentityProvider identityProvider;

	private final Clock clock;

	SignupReconciler(JdbcClient jdbc, UserRepository users, IdentityProvider identityProvider, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.identityProvider = identityProvider;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${worklib.signup.reconcile-interval:60s}", initialDelayString = "30s")
	void reconcileScheduled() {
		try {
			reconcile();
		}
		catch (RuntimeException ex) {
			log.info("Sign-up reconciliation postponed: {}", ex.getMessage());
		}
	}

	/**
	 * @return how many leftover Keycloak users were removed
	 */
	int reconcile() {
		List<String> stale = this.jdbc.sql("SELECT email FROM signup_attempt WHERE started_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(GRACE)))
			.query(String.class)
			.list();
		int removed = 0;
		for (String email : stale) {
			if (this.users.findByEmail(email).isEmpty()) {
				var leftover = this.identityProvider.findUserByEmail(email);
				if (leftover.isPresent()) {
					this.identityProvider.deleteUser(leftover.get());
					removed++;
				}
			}
			this.jdbc.sql("DELETE FROM signup_attempt WHERE email = :email").param("email", email).update();
		}
		return removed;
	}

}
