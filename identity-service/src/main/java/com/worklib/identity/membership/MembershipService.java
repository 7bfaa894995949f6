package com.worklib.identity.membership;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.MembershipPayload;
import com.worklib.identity.keycloak.IdentityProvider;
import com.worklib.platform.domain.NotFoundException;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;

/**
 * The memberships of a partner. The last active OWNER can be neither removed nor demoted.
 * The realm role {@code partner} comes with a user's first membership and goes with the
 * last.
 */
@Service
public class MembershipService {

	private final JdbcClient jdbc;

	private final EventPublisher events;

	private final IdentityProvider identityProvider;

	private final PartnerAccess access;

	private final Clock clock;

	MembershipService(JdbcClient jdbc, EventPublisher events, IdentityProvider identityProvider, PartnerAccess access,
			Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.identityProvider = identityProvider;
		this.access = access;
		this.clock = clock;
	}

	public record Member(UUID userId, String email, String firstName, String lastName, PartnerRole role,
			Instant since) {
	}

	record Row(UUID partnerId, UUID userId, PartnerRole role, boolean active, long version) {
	}

	/**
	 * Grants (or re-grants) a role; an existing active membership keeps its role unless
	 * it differs.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void grant(UUID partnerId, UUID userId, String email, PartnerRole role) {
		Optional<Row> existing = row(partnerId, userId);
		if (existing.isPresent() && existing.get().active() && existing.get().role() == role) {
			return;
		}
		boolean firstMembership = activeCount(userId) == 0;
		long version = existing.map(r -> r.version() + 1).orElse(1L);
		this.jdbc.sql("""
				INSERT INTO partner_membership (partner_id, user_id, role, active, version, since)
				VALUES (:p, :u, :role, true, :version, :since)
				ON CONFLICT (partner_id, user_id) DO UPDATE
				SET role = EXCLUDED.role, active = true, version = EXCLUDED.version,
				    since = CASE WHEN partner_membership.active THEN partner_membership.since ELSE EXCLUDED.since END
				""")
			.param("p", partnerId)
			.param("u", userId)
			.param("role", role.name())
			.param("version", version)
			.param("since", Timestamp.from(this.clock.instant()))
			.update();
		publish(existing.isPresent() && existing.get().active() ? EventTypes.MEMBERSHIP_CHANGED
				: EventTypes.MEMBERSHIP_GRANTED,
				new MembershipPayload(partnerId, userId, email, role.name(), true, version));
		if (firstMembership) {
			this.identityProvider.addRealmRole(userId, CurrentUser.ROLE_PARTNER);
		}
	}

	@Transactional
	public void changeRole(UUID partnerId, UUID userId, PartnerRole role, CurrentUser actor) {
		this.access.requireWrite(actor, partnerId, PartnerRole.OWNER);
		Row current = lockAndGet(partnerId, userId);
		if (current.role() == role) {
			return;
		}
		if (current.role() == PartnerRole.OWNER && activeOwners(partnerId) == 1) {
			throw new LastOwner("This is the last OWNER of the partner: make someone else OWNER first");
		}
		this.jdbc.sql(
				"UPDATE partner_membership SET role = :role, version = version + 1 WHERE partner_id = :p AND user_id = :u")
			.param("role", role.name())
			.param("p", partnerId)
			.param("u", userId)
			.update();
		publish(EventTypes.MEMBERSHIP_CHANGED,
				new MembershipPayload(partnerId, userId, email(userId), role.name(), true, current.version() + 1));
	}

	@Transactional
	public void revoke(UUID partnerId, UUID userId, CurrentUser actor) {
		this.access.requireWrite(actor, partnerId, PartnerRole.OWNER);
		Row current = lockAndGet(partnerId, userId);
		if (current.role() == PartnerRole.OWNER && activeOwners(partnerId) == 1) {
			throw new LastOwner("This is the last OWNER of the partner: it cannot be removed");
		}
		this.jdbc.sql(
				"UPDATE partner_membership SET active = false, version = version + 1 WHERE partner_id = :p AND user_id = :u")
			.param("p", partnerId)
			.param("u", userId)
			.update();
		publish(EventTypes.MEMBERSHIP_REVOKED, new MembershipPayload(partnerId, userId, email(userId),
				current.role().name(), false, current.version() + 1));
		if (activeCount(userId) == 0) {
			this.identityProvider.removeRealmRole(userId, CurrentUser.ROLE_PARTNER);
		}
	}

	@Transactional(readOnly = true)
	public List<Member> members(UUID partnerId, CurrentUser actor) {
		this.access.requireRead(actor, partnerId, "Partner " + partnerId, PartnerRole.OWNER);
		return this.jdbc.sql("""
				SELECT m.user_id, u.email, u.first_name, u.last_name, m.role, m.since
				FROM partner_membership m LEFT JOIN user_account u ON u.id = m.user_id
				WHERE m.partner_id = :p AND m.active ORDER BY m.since, u.email
				""")
			.param("p", partnerId)
			.query((rs, i) -> new Member(rs.getObject("user_id", UUID.class), rs.getString("email"),
					rs.getString("first_name"), rs.getString("last_name"), PartnerRole.valueOf(rs.getString("role")),
					rs.getTimestamp("since") == null ? null : rs.getTimestamp("since").toInstant()))
			.list();
	}

	public boolean isActiveMemberByEmail(UUID partnerId, String email) {
		return this.jdbc.sql("""
				SELECT count(*) FROM partner_membership m JOIN user_account u ON u.id = m.user_id
				WHERE m.partner_id = :p AND m.active AND u.email = :email
				""").param("p", partnerId).param("email", email).query(Long.class).single() > 0;
	}

	private Row lockAndGet(UUID partnerId, UUID userId) {
		// lock the partner's memberships: two owners removing each other must not both
		// succeed
		this.jdbc.sql("SELECT user_id FROM partner_membership WHERE partner_id = :p FOR UPDATE")
			.param("p", partnerId)
			.query(UUID.class)
			.list();
		return row(partnerId, userId).filter(Row::active)
			.orElseThrow(() -> new NotFoundException("Member " + userId + " of partner " + partnerId));
	}

	private Optional<Row> row(UUID partnerId, UUID userId) {
		return this.jdbc.sql(
				"SELECT partner_id, user_id, role, active, version FROM partner_membership WHERE partner_id = :p AND user_id = :u")
			.param("p", partnerId)
			.param("u", userId)
			.query(Row.class)
			.optional();
	}

	private long activeOwners(UUID partnerId) {
		return this.jdbc
			.sql("SELECT count(*) FROM partner_membership WHERE partner_id = :p AND active AND role = 'OWNER'")
			.param("p", partnerId)
			.query(Long.class)
			.single();
	}

	private long activeCount(UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM partner_membership WHERE user_id = :u AND active")
			.param("u", userId)
			.query(Long.class)
			.single();
	}

	private String email(UUID userId) {
		return this.jdbc.sql("SELECT email FROM user_account WHERE id = :id")
			.param("id", userId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void publish(String type, MembershipPayload payload) {
		this.events.publish(Topics.IDENTITY_MEMBERSHIPS, payload.partnerId().toString(), type,
				payload.partnerId() + "/" + payload.userId(), payload);
	}

}
