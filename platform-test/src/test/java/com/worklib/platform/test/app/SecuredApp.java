package com.worklib.platform.test.app;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal resource server, to prove Keycloak tokens are accepted by a secured endpoint.
 */
@SpringBootApplication
public class SecuredApp {

	@RestController
	static class WhoAmI {

		@GetMapping("/whoami")
		Map<String, Object> whoami(@AuthenticationPrincipal Jwt jwt) {
			return Map.of("sub", jwt.getSubject(), "email", jwt.getClaimAsString("email"), "realm_access",
					jwt.getClaims().get("realm_access"), "aud", jwt.getAudience());
		}

	}

}
