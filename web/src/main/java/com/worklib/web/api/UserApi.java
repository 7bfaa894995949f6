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

		/** The person's role at that partner: OWNER, MANAGER, FINANCE, or "" if none. */
		public String roleIn(UUID partnerId) {
			return this.memberships.stream()
				.filter(m -> m.partnerId().equals(partnerId))
				.map(Membership::role)
				.findFirst()
				.orElse("");
		}

	}

	public record Membership(UUID partnerId, String role) {
	}

	public record Partner(UUID partnerId, String name, String status) {
	}

	public record Address(String line1, String line2, String postalCode, String city, String country) {
	}

	public record Hours(String dayOfWeek, String opens, String closes) {
	}

	public record BookingContact(String email, String phone) {
	}

	public record Establishment(UUID establishmentId, UUID partnerId, String name, Address address, String timezone,
			List<Hours> openingHours, String description, BookingContact bookingContact, String accessInstructions) {
	}

	public record Money(long amountMinor, String currency) {
	}

	public record Price(String unit, Money amountExclVat, int vatRateBps) {
	}

	public record Workspace(UUID workspaceId, UUID establishmentId, String type, String name, int capacity,
			String bookingMode, Price price, boolean active) {
	}

	record Items<T>(List<T> items) {
	}

	public List<Establishment> establishments(UUID partnerId) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/venues/v1/partners/{id}/establishments?size=200", partnerId)
			.retrieve()
			.body(new org.springframework.core.ParameterizedTypeReference<Items<Establishment>>() {
			})
			.items());
	}

	public Establishment establishment(UUID establishmentId) {
		return establishment(this.api, establishmentId);
	}

	public List<Workspace> workspaces(UUID establishmentId) {
		return workspaces(this.api, establishmentId);
	}

	/**
	 * Venue's public reads, as the signed-in person (members see the contact and partner
	 * prices) or anonymously ({@link BookerApi}).
	 */
	static Establishment establishment(RestClient api, UUID establishmentId) {
		return PublicApi.call(() -> api.get()
			.uri("/api/venues/v1/establishments/{id}", establishmentId)
			.retrieve()
			.body(Establishment.class));
	}

	static List<Workspace> workspaces(RestClient api, UUID establishmentId) {
		return PublicApi.call(() -> api.get()
			.uri("/api/venues/v1/establishments/{id}/workspaces?size=200", establishmentId)
			.retrieve()
			.body(new org.springframework.core.ParameterizedTypeReference<Items<Workspace>>() {
			})
			.items());
	}

	static Workspace workspace(RestClient api, UUID workspaceId) {
		return PublicApi
			.call(() -> api.get().uri("/api/venues/v1/workspaces/{id}", workspaceId).retrieve().body(Workspace.class));
	}

	/** {@code PUT /establishments/{id}}: the whole establishment, as the API takes it. */
	public Establishment updateEstablishment(UUID establishmentId, java.util.Map<String, Object> body) {
		return PublicApi.call(() -> this.api.put()
			.uri("/api/venues/v1/establishments/{id}", establishmentId)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Establishment.class));
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

	public Workspace workspace(UUID workspaceId) {
		return workspace(this.api, workspaceId);
	}

	/** {@code POST /establishments/{id}/workspaces}. */
	public Workspace createWorkspace(UUID establishmentId, java.util.Map<String, Object> body) {
		return PublicApi.call(() -> this.api.post()
			.uri("/api/venues/v1/establishments/{id}/workspaces", establishmentId)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Workspace.class));
	}

	/** {@code PUT /workspaces/{id}}: the whole workspace. */
	public Workspace updateWorkspace(UUID workspaceId, java.util.Map<String, Object> body) {
		return PublicApi.call(() -> this.api.put()
			.uri("/api/venues/v1/workspaces/{id}", workspaceId)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Workspace.class));
	}

	/** One unit at a typed price, priced by the API under the partner's fee. */
	public record PricePreview(String unit, Money partnerAmountExclVat, int vatRateBps, Money vatAmount,
			Money partnerAmountInclVat, Money platformFee, Money customerAmountInclVat) {
	}

	public PricePreview pricePreview(UUID partnerId, String unit, long amountExclVat, int vatRateBps) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/venues/v1/partners/{id}/price-preview?unit={u}&amountExclVat={a}&vatRateBps={v}", partnerId,
					unit, amountExclVat, vatRateBps)
			.retrieve()
			.body(PricePreview.class));
	}

	public record Member(UUID userId, String email, String firstName, String lastName, String role,
			java.time.Instant since) {
	}

	public record Invitation(UUID invitationId, String email, String firstName, String lastName, String role,
			String status, java.time.Instant expiresAt) {
	}

	public record Accepted(UUID partnerId, String role) {
	}

	/**
	 * @throws ApiProblem 403 unless the caller is an OWNER of the partner
	 */
	public List<Member> members(UUID partnerId) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/identity/v1/partners/{id}/members", partnerId)
			.retrieve()
			.body(new org.springframework.core.ParameterizedTypeReference<Items<Member>>() {
			})
			.items());
	}

	public List<Invitation> invitations(UUID partnerId) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/identity/v1/partners/{id}/invitations", partnerId)
			.retrieve()
			.body(new org.springframework.core.ParameterizedTypeReference<Items<Invitation>>() {
			})
			.items());
	}

	public void invite(UUID partnerId, String email, String firstName, String lastName, String role) {
		PublicApi.call(() -> this.api.post()
			.uri("/api/identity/v1/partners/{id}/invitations", partnerId)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(java.util.Map.of("email", email, "firstName", firstName, "lastName", lastName, "role", role))
			.retrieve()
			.toBodilessEntity());
	}

	public void revokeInvitation(UUID partnerId, UUID invitationId) {
		PublicApi.call(() -> this.api.delete()
			.uri("/api/identity/v1/partners/{id}/invitations/{inv}", partnerId, invitationId)
			.retrieve()
			.toBodilessEntity());
	}

	public void changeRole(UUID partnerId, UUID userId, String role) {
		PublicApi.call(() -> this.api.put()
			.uri("/api/identity/v1/partners/{id}/members/{user}", partnerId, userId)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(java.util.Map.of("role", role))
			.retrieve()
			.toBodilessEntity());
	}

	public void removeMember(UUID partnerId, UUID userId) {
		PublicApi.call(() -> this.api.delete()
			.uri("/api/identity/v1/partners/{id}/members/{user}", partnerId, userId)
			.retrieve()
			.toBodilessEntity());
	}

	public Accepted acceptInvitation(String token) {
		return PublicApi.call(() -> this.api.post()
			.uri("/api/identity/v1/invitations/{token}/accept", token)
			.retrieve()
			.body(Accepted.class));
	}

}
