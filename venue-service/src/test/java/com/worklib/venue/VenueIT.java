package com.worklib.venue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.worklib.platform.test.Callers;

/** What venue integration tests share: callers with tokens, imports, memberships. */
public abstract class VenueIT {

	public static final String API = "/api/venues/v1";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	public static RequestPostProcessor ops() {
		return user(UUID.randomUUID(), "ops");
	}

	public static RequestPostProcessor user(UUID id, String... realmRoles) {
		return Callers.as(id, realmRoles);
	}

	public static String sample() throws Exception {
		return new ClassPathResource("neo-nomade/sample.csv").getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * The membership read model, as identity events would fill it (the projection is
	 * tested in platform).
	 */
	protected void member(UUID partnerId, UUID userId, String role) {
		Callers.member(this.jdbc, partnerId, userId, role);
	}

	protected UUID partnerIdOf(String nnPartnerId) {
		return this.jdbc.sql("SELECT id FROM partner WHERE nn_partner_id = :nn")
			.param("nn", nnPartnerId)
			.query(UUID.class)
			.single();
	}

	protected UUID establishmentIdOf(String nnEstablishmentId) {
		return this.jdbc.sql("SELECT id FROM establishment WHERE nn_establishment_id = :nn")
			.param("nn", nnEstablishmentId)
			.query(UUID.class)
			.single();
	}

	protected UUID workspaceIdOf(String nnWorkspaceId) {
		return this.jdbc.sql("SELECT id FROM workspace WHERE nn_workspace_id = :nn")
			.param("nn", nnWorkspaceId)
			.query(UUID.class)
			.single();
	}

	protected long outbox(String type) {
		return this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE ce_type = :t")
			.param("t", type)
			.query(Long.class)
			.single();
	}

}
