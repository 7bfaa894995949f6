package com.worklib.platform.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import com.worklib.platform.domain.ForbiddenException;
import com.worklib.platform.domain.NotFoundException;

/**
 * The one authorization check for partner-scoped requests (OWASP API1). Reads: ops, or a
 * member with one of the roles; anyone else gets 404, so ids of other tenants reveal
 * nothing. Writes: a member with one of the roles; a member without the role, or anyone
 * else, gets 403.
 */
public class PartnerAccess {

	private final MembershipView memberships;

	public PartnerAccess(MembershipView memberships) {
		this.memberships = memberships;
	}

	/**
	 * @param what how the resource is named in the 404 ("Partner 0f6a…", "Invoice …")
	 * @param roles the roles that may read; none means any member
	 */
	public void requireRead(CurrentUser user, UUID partnerId, String what, PartnerRole... roles) {
		if (user.isOps()) {
			return;
		}
		Optional<PartnerRole> role = this.memberships.activeRole(partnerId, user.userId());
		if (role.isEmpty() || !allowed(role.get(), roles)) {
			throw new NotFoundException(what);
		}
	}

	/**
	 * @param roles the roles that may write; none means any member
	 */
	public void requireWrite(CurrentUser user, UUID partnerId, PartnerRole... roles) {
		Optional<PartnerRole> role = this.memberships.activeRole(partnerId, user.userId());
		if (role.isEmpty()) {
			throw new ForbiddenException("You are not a member of this partner");
		}
		if (!allowed(role.get(), roles)) {
			throw new ForbiddenException(
					"Your role " + role.get() + " does not allow this; it needs one of " + Arrays.toString(roles));
		}
	}

	/**
	 * Whether the caller sees what only the partner and Worklib see (booking contacts,
	 * partner prices): ops, or any member. {@code user} is null for an anonymous caller.
	 */
	public boolean seesPartnerData(CurrentUser user, UUID partnerId) {
		return user != null && (user.isOps() || isMember(user, partnerId));
	}

	public boolean isMember(CurrentUser user, UUID partnerId) {
		return this.memberships.activeRole(partnerId, user.userId()).isPresent();
	}

	private static boolean allowed(PartnerRole role, PartnerRole[] roles) {
		return roles.length == 0 || Arrays.asList(roles).contains(role);
	}

}
