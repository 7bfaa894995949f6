package com.worklib.identity.invitation.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.identity.invitation.InvitationService;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerRole;
import com.worklib.platform.web.PageResponse;

@RestController
@RequestMapping("/api/identity/v1")
class InvitationController {

	private final InvitationService invitations;

	InvitationController(InvitationService invitations) {
		this.invitations = invitations;
	}

	record InviteRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String firstName,
			@NotBlank @Size(max = 100) String lastName, @NotNull PartnerRole role) {
	}

	@PostMapping("/partners/{partnerId}/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	InvitationCreated invite(@PathVariable UUID partnerId, @Valid @RequestBody InviteRequest request) {
		InvitationService.Created created = this.invitations.invite(partnerId,
				new InvitationService.Invite(request.email(), request.firstName(), request.lastName(), request.role()),
				CurrentUser.get());
		return new InvitationCreated(created.invitationId(), created.expiresAt());
	}

	@GetMapping("/partners/{partnerId}/invitations")
	PageResponse<InvitationResponse> list(@PathVariable UUID partnerId) {
		List<InvitationResponse> items = this.invitations.list(partnerId, CurrentUser.get())
			.stream()
			.map(i -> new InvitationResponse(i.invitationId(), i.email(), i.firstName(), i.lastName(), i.role().name(),
					i.status().name(), i.expiresAt()))
			.toList();
		return PageResponse.all(items);
	}

	@DeleteMapping("/partners/{partnerId}/invitations/{invitationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable UUID partnerId, @PathVariable UUID invitationId) {
		this.invitations.revoke(partnerId, invitationId, CurrentUser.get());
	}

	@PostMapping("/invitations/{token}/accept")
	InvitationAccepted accept(@PathVariable String token) {
		var jwt = ((JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication()).getToken();
		InvitationService.Accepted accepted = this.invitations.accept(token, CurrentUser.get(),
				Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")));
		return new InvitationAccepted(accepted.partnerId(), accepted.role().name());
	}

	record InvitationCreated(UUID invitationId, java.time.Instant expiresAt) {
	}

	record InvitationResponse(UUID invitationId, String email, String firstName, String lastName, String role,
			String status, java.time.Instant expiresAt) {
	}

	record InvitationAccepted(UUID partnerId, String role) {
	}

}
