package com.worklib.platform.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.contracts.identity.MembershipPayload;

/**
 * The local read model of memberships, fed by {@code identity.memberships.v1}. Upserts
 * only when the incoming version is newer, so duplicates and reordering are harmless.
 */
public class MembershipView {

	private final JdbcClient jdbc;

	public MembershipView(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return true when the payload was newer than what was held and has been applied
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean apply(MembershipPayload payload) {
		int rows = this.jdbc.sql("""
				INSERT INTO partner_membership (partner_id, user_id, role, active, version)
				VALUES (:partnerId, :userId, :role, :active, :version)
				ON CONFLICT (partner_id, user_id) DO UPDATE
				SET role = EXCLUDED.role, active = EXCLUDED.active, version = EXCLUDED.version
				WHERE partner_membership.version < EXCLUDED.version
				""")
			.param("partnerId", payload.partnerId())
			.param("userId", payload.userId())
			.param("role", PartnerRole.valueOf(payload.role()).name())
			.param("active", payload.active())
			.param("version", payload.version())
			.update();
		return rows > 0;
	}

	/** The caller's active memberships, partner id to role. */
	public java.util.Map<UUID, PartnerRole> activeMemberships(UUID userId) {
		java.util.Map<UUID, PartnerRole> memberships = new java.util.LinkedHashMap<>();
		this.jdbc.sql(
				"SELECT partner_id, role FROM partner_membership WHERE user_id = :userId AND active ORDER BY partner_id")
			.param("userId", userId)
			.query((rs, row) -> memberships.put(rs.getObject("partner_id", UUID.class),
					PartnerRole.valueOf(rs.getString("role"))))
			.list();
		return memberships;
	}

	public Optional<PartnerRole> activeRole(UUID partnerId, UUID userId) {
		return this.jdbc
			.sql("SELECT role FROM partner_membership WHERE partner_id = :partnerId AND user_id = :userId AND active")
			.param("partnerId", partnerId)
			.param("userId", userId)
			.query(String.class)
			.optional()
			.map(PartnerRole::valueOf);
	}

}
