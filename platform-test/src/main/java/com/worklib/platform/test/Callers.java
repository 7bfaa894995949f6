package com.worklib.platform.test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Who calls a service in a MockMvc test: a token with a subject and Keycloak realm roles,
 * and the partner memberships the service has replicated for that subject.
 */
public final class Callers {

	private Callers() {
	}

	/** A caller whose token has {@code userId} as subject and these realm roles. */
	public static RequestPostProcessor as(UUID userId, String... realmRoles) {
		return jwt().jwt(j -> j.subject(userId.toString()).claim("realm_access", Map.of("roles", List.of(realmRoles))));
	}

	/**
	 * The membership read model as identity events would fill it (the projection itself
	 * is tested in platform): {@code userId} is an active {@code role} of the partner.
	 */
	public static void member(JdbcClient jdbc, UUID partnerId, UUID userId, String role) {
		jdbc.sql("INSERT INTO partner_membership (partner_id, user_id, role, active, version) "
				+ "VALUES (:p, :u, :r, true, 1) ON CONFLICT (partner_id, user_id) DO UPDATE SET role = :r, active = true")
			.param("p", partnerId)
			.param("u", userId)
			.param("r", role)
			.update();
	}

}
