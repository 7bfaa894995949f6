package com.worklib.web.support;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the header of every page needs to know. */
@ControllerAdvice
class Layout {

	@ModelAttribute("signedIn")
	boolean signedIn(Authentication authentication) {
		return authentication instanceof OAuth2AuthenticationToken;
	}

}
