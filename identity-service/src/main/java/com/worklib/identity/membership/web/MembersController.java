package com.worklib.identity.membership.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.identity.membership.MembershipService;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerRole;
import com.worklib.platform.web.PageResponse;

@RestController
@RequestMapping("/api/identity/v1/partners/{partnerId}/members")
class MembersController {

	private final MembershipService memberships;

	MembersController(MembershipService memberships) {
		this.memberships = memberships;
	}

	record RoleRequest(@NotNull PartnerRole role) {
	}

	@GetMapping
	PageResponse<MemberResponse> members(@PathVariable UUID partnerId) {
		List<MemberResponse> members = this.memberships.members(partnerId, CurrentUser.get())
			.stream()
			.map(m -> new MemberResponse(m.userId(), m.email(), m.firstName(), m.lastName(), m.role().name(),
					m.since()))
			.toList();
		return PageResponse.all(members);
	}

	@PutMapping("/{userId}")
	void changeRole(@PathVariable UUID partnerId, @PathVariable UUID userId, @Valid @RequestBody RoleRequest request) {
		this.memberships.changeRole(partnerId, userId, request.role(), CurrentUser.get());
	}

	@DeleteMapping("/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable UUID partnerId, @PathVariable UUID userId) {
		this.memberships.revoke(partnerId, userId, CurrentUser.get());
	}

	record MemberResponse(UUID userId, String email, String firstName, String lastName, String role,
			java.time.Instant since) {
	}

}
