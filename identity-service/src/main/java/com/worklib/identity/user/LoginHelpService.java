package com.worklib.identity.user;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.identity.keycloak.IdentityProvider;
import com.worklib.identity.mail.MailRequests;

/**
 * "I cannot log in": a migrated, unclaimed address gets a claim mail (sign up with this
 * address; the Neo-nomade password does not exist here); an address signed up but never
 * verified gets a fresh verification link (where its holder chooses the password); a
 * verified account gets Keycloak's password-reset mail; anything else gets nothing. The
 * caller always gets the same 202, and each address gets at most {@value #PER_HOUR} mails
 * an hour.
 */
@Service
public class LoginHelpService {

	private static final Logger log = LoggerFactory.getLogger(LoginHelpService.class);

	static final int PER_HOUR = 3;

	private static final int TRACKED_ADDRESSES = 50_000;

	private final UserRepository users;

	private final IdentityProvider identityProvider;

	private final ClaimService claims;

	private final MailRequests mails;

	private final SignupService signups;

	// least recently used addresses are forgotten first: bounded memory whatever is sent
	private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > TRACKED_ADDRESSES;
		}
	};

	LoginHelpService(UserRepository users, IdentityProvider identityProvider, ClaimService claims, MailRequests mails,
			SignupService signups) {
		this.users = users;
		this.identityProvider = identityProvider;
		this.claims = claims;
		this.mails = mails;
		this.signups = signups;
	}

	@Transactional
	public void help(String email) {
		if (!tryConsume(email)) {
			log.info("login-help rate limit reached for an address");
			return;
		}
		Optional<UserAccount> mirror = this.users.findByEmail(email);
		if (mirror.isPresent() && !mirror.get().emailVerified()) {
			this.signups.mailFreshLink(mirror.get());
			return;
		}
		Optional<UUID> account = mirror.map(UserAccount::id);
		try {
			if (account.isEmpty()) {
				account = this.identityProvider.findUserByEmail(email);
			}
			if (account.isPresent()) {
				this.identityProvider.sendPasswordResetMail(account.get());
				return;
			}
		}
		catch (RuntimeException ex) {
			// the answer must not change: log and carry on
			log.warn("Password-reset mail not sent: {}", ex.getMessage());
			return;
		}
		this.claims.pendingFor(email).forEach(c -> this.mails.claimLink(email, c.partnerId(), c.partnerName()));
	}

	private synchronized boolean tryConsume(String email) {
		return this.buckets
			.computeIfAbsent(email, e -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(PER_HOUR).refillGreedy(PER_HOUR, Duration.ofHours(1)).build())
				.build())
			.tryConsume(1);
	}

}
