package com.worklib.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import com.worklib.platform.domain.ForbiddenException;
import com.worklib.platform.web.ApiException;

/**
 * The caller, as the validated access token says: never from a header or a body. The user
 * id is the token subject (the Keycloak user id).
 */
public record CurrentUser(UUID userId, String email, Set<String> realmRoles, String firstName) {

	/** A caller whose first name is not known (service tokens, tests). */
	public CurrentUser(UUID userId, String email, Set<String> realmRoles) {
		this(userId, email, realmRoles, null);
	}

	public static final String ROLE_OPS = "ops";

	public static final String ROLE_EMPLOYEE = "employee";

	public static final String ROLE_PARTNER = "partner";

	public boolean isOps() {
		return this.realmRoles.contains(ROLE_OPS);
	}

	public boolean hasRealmRole(String role) {
		return this.realmRoles.contains(role);
	}

	/** The caller on an endpoint open to the public: empty without a token. */
	public static java.util.Optional<CurrentUser> optional() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof JwtAuthenticationToken token ? java.util.Optional.of(from(token.getToken()))
				: java.util.Optional.empty();
	}

	/**
	 * The caller, who must be Worklib operations.
	 * @param forbidden what a non-ops caller is told (403)
	 */
	public static CurrentUser requireOps(String forbidden) {
		CurrentUser user = get();
		if (!user.isOps()) {
			throw new ForbiddenException(forbidden);
		}
		return user;
	}

	public static CurrentUser get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return from(token.getToken());
		}
		throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthorized",
				"A valid bearer token is required");
	}

	public static CurrentUser from(Jwt jwt) {
		return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("email"), realmRoles(jwt),
				jwt.getClaimAsString("given_name"));
	}

	static Set<String> realmRoles(Jwt jwt) {
		Object realmAccess = jwt.getClaims().get("realm_access");
		if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
			return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
		}
		return Set.of();
	}

	static List<String> authorities(Jwt jwt) {
		return realmRoles(jwt).stream().map(r -> "ROLE_" + r).toList();
	}

}
