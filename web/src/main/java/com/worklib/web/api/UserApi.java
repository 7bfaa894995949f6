package com.worklib.web.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.client.RestClient;

/** The API as the signed-in user. */
public class UserApi {

	private final RestClient api;

	UserApi(RestClient api) {
		this.api = api;
	}

	public record Me(UUID userId, String email, String firstName, String lastName, List<String> roles,
			List<Membership> memberships) {
	}

	public record Membership(UUID partnerId, String role) {
	}

	public record Partner(UUID partnerId, String name, String status) {
	}

	public Me me() {
		return PublicApi.call(() -> this.api.get().uri("/api/identity/v1/me").retrieve().body(Me.class));
	}

	/**
	 * @throws ApiProblem 404 when the caller is not a member of that partner
	 */
	public Partner partner(UUID partnerId) {
		return PublicApi
			.call(() -> this.api.get().uri("/api/venues/v1/partners/{id}", partnerId).retrieve().body(Partner.class));
	}

}
