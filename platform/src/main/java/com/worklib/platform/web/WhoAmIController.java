package com.worklib.platform.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.MembershipView;

/**
 * {@code GET <api base>/whoami}: the caller as this service sees it (token subject, realm
 * roles, the memberships it has replicated) and the service's own clock. Lets a client or
 * an operator check, per service, that a token is accepted and that membership events
 * have arrived.
 */
@RestController
class WhoAmIController {

	private final MembershipView memberships;

	private final Clock clock;

	private final String service;

	WhoAmIController(MembershipView memberships, Clock clock, @Value("${spring.application.name}") String service) {
		this.memberships = memberships;
		this.clock = clock;
		this.service = service;
	}

	@GetMapping("${worklib.api.base-path}/whoami")
	WhoAmI whoami() {
		CurrentUser user = CurrentUser.get();
		List<Membership> list = this.memberships.activeMemberships(user.userId())
			.entrySet()
			.stream()
			.map(e -> new Membership(e.getKey(), e.getValue().name()))
			.toList();
		return new WhoAmI(this.service, user.userId(), user.email(), user.realmRoles().stream().sorted().toList(), list,
				this.clock.instant().toString());
	}

	record WhoAmI(String service, UUID userId, String email, List<String> roles, List<Membership> memberships,
			String serviceTime) {
	}

	record Membership(UUID partnerId, String role) {
	}

}
