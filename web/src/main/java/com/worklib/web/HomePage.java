package com.worklib.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: signed in, straight to "Votre espace"; otherwise log in or sign up. */
@Controller
class HomePage {

	@GetMapping("/")
	String home(Authentication authentication) {
		if (authentication instanceof OAuth2AuthenticationToken) {
			return "redirect:/espace";
		}
		return "home";
	}

	/** The "account exists" mail's link: Keycloak's login page, then "Votre espace". */
	@GetMapping("/login")
	String login() {
		return "redirect:/espace";
	}

}
