package com.worklib.identity.invitation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.identity.mail.MailRequests;
import com.worklib.identity.membership.MembershipService;
import com.worklib.identity.shared.SecureTokens;
import com.worklib.identity.user.LinkGone;
import com.worklib.identity.user.UserRepository;
import com.worklib.platform.domain.ConflictException;
import com.worklib.platform.domain.ForbiddenException;
import com.worklib.platform.domain.NotFoundException;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.EmailAddresses;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;

@Service
public class InvitationService {

	static final Duration VALIDITY = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final PartnerAccess access;

	private final MembershipService memberships;

	private final UserRepository users;

	private final MailRequests mails;

	private final Clock clock;

	InvitationService(JdbcClient jdbc, PartnerAccess access, MembershipService memberships, UserRepository users,
			MailRequests mails, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.memberships = memberships;
		this.users = users;
		this.mails = mails;
		this.clock = clock;
	}

	public record Invite(String email, String firstName, String lastName, PartnerRole role) {
	}

	public record Created(UUID invitationId, Instant expiresAt) {
	}

	public record InvitationView(UUID invitationId, String email, String firstName, String lastName, PartnerRole role,
			InvitationStatus status, Instant expiresAt) {
	}

	public record Accepted(UUID partnerId, PartnerRole role) {
	}

	record Row(UUID id, UUID partnerId, String email, PartnerRole role, InvitationStatus status, Timestamp expiresAt) {
	}

	/**
	 * A pending invitation to the same address is replaced: only the newest link works.
	 */
	@Transactional
	public Created invite(UUID partnerId, Invite invite, CurrentUser inviter) {
		this.access.requireWrite(inviter, partnerId, PartnerRole.OWNER);
		String email = EmailAddresses.normalize(invite.email());
		if (this.memberships.isActiveMemberByEmail(partnerId, email)) {
			throw new ConflictException(email + " is already a member of this partner");
		}
		this.jdbc
			.sql("UPDATE invitation SET status = 'REVOKED' WHERE partner_id = :p AND email = :e AND status = 'PENDING'")
			.param("p", partnerId)
			.param("e", email)
			.update();
		String token = SecureTokens.newToken();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(VALIDITY);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO invitation (id, partner_id, email, first_name, last_name, role, token_hash, status,
				                        expires_at, invited_by, created_at)
				VALUES (:id, :p, :e, :first, :last, :role, :hash, 'PENDING', :expires, :by, :now)
				""")
			.param("id", id)
			.param("p", partnerId)
			.param("e", email)
			.param("first", invite.firstName().trim())
			.param("last", invite.lastName().trim())
			.param("role", invite.role().name())
			.param("hash", SecureTokens.hash(token))
			.param("expires", Timestamp.from(expiresAt))
			.param("by", inviter.userId())
			.param("now", Timestamp.from(now))
			.update();
		String inviterName = this.users.findById(inviter.userId()).map(u -> u.displayName()).orElse(inviter.email());
		String partnerName = this.jdbc.sql("SELECT name FROM partner_view WHERE partner_id = :p")
			.param("p", partnerId)
			.query(String.class)
			.optional()
			.orElse(null);
		this.mails.invitation(email, invite.firstName().trim(), token, expiresAt, partnerId, partnerName, inviterName,
				invite.role().name());
		return new Created(id, expiresAt);
	}

	@Transactional(readOnly = true)
	public List<InvitationView> list(UUID partnerId, CurrentUser actor) {
		this.access.requireRead(actor, partnerId, "Partner " + partnerId, PartnerRole.OWNER);
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT id, email, first_name, last_name, role, status, expires_at FROM invitation
				WHERE partner_id = :p ORDER BY created_at DESC
				""").param("p", partnerId).query((rs, i) -> {
			Instant expires = rs.getTimestamp("expires_at").toInstant();
			InvitationStatus status = InvitationStatus.valueOf(rs.getString("status"));
			if (status == InvitationStatus.PENDING && !now.isBefore(expires)) {
				status = InvitationStatus.EXPIRED;
			}
			return new InvitationView(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("first_name"),
					rs.getString("last_name"), PartnerRole.valueOf(rs.getString("role")), status, expires);
		}).list();
	}

	@Transactional
	public void revoke(UUID partnerId, UUID invitationId, CurrentUser actor) {
		this.access.requireWrite(actor, partnerId, PartnerRole.OWNER);
		int rows = this.jdbc
			.sql("UPDATE invitation SET status = 'REVOKED' WHERE id = :id AND partner_id = :p AND status = 'PENDING'")
			.param("id", invitationId)
			.param("p", partnerId)
			.update();
		if (rows == 0 && this.jdbc.sql("SELECT count(*) FROM invitation WHERE id = :id AND partner_id = :p")
			.param("id", invitationId)
			.param("p", partnerId)
			.query(Long.class)
			.single() == 0) {
			throw new NotFoundException("Invitation " + invitationId);
		}
	}

	/**
	 * The invitee accepts while logged in with the invited address, verified. Someone
	 * else with the link gets 403; a revoked, used or expired link 410.
	 */
	@Transactional
	public Accepted accept(String token, CurrentUser user, boolean emailVerified) {
		Row row = this.jdbc.sql(
				"SELECT id, partner_id, email, role, status, expires_at FROM invitation WHERE token_hash = :h FOR UPDATE")
			.param("h", SecureTokens.hash(token))
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Invitation"));
		if (row.status() != InvitationStatus.PENDING) {
			throw new LinkGone("This invitation was " + row.status().name().toLowerCase(Locale.ROOT));
		}
		if (!this.clock.instant().isBefore(row.expiresAt().toInstant())) {
			throw new LinkGone("This invitation expired; ask for a new one");
		}
		if (user.email() == null || !row.email().equalsIgnoreCase(user.email().trim())) {
			throw new ForbiddenException("invitation-for-another-address",
					"This invitation was sent to another address: log in with " + mask(row.email()));
		}
		if (!emailVerified) {
			throw new ForbiddenException("email-not-verified",
					"Verify your email address first, then accept the invitation");
		}
		this.memberships.grant(row.partnerId(), user.userId(), row.email(), row.role());
		this.jdbc.sql("UPDATE invitation SET status = 'ACCEPTED', accepted_by = :u, accepted_at = :now WHERE id = :id")
			.param("u", user.userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", row.id())
			.update();
		return new Accepted(row.partnerId(), row.role());
	}

	/**
	 * {@code m***@atelier-lyon.fr}: enough to recognise one's address, not to harvest it.
	 */
	static String mask(String email) {
		int at = email.indexOf('@');
		return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
	}

}
