package com.worklib.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.worklib.platform.test.WithPostgres;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages' own rules, without the rest of the platform: French first, the security
 * headers, what needs a session, forms that need their CSRF token, logout through
 * Keycloak.
 */
@SpringBootTest(properties = { "WORKLIB_WEB_CLIENT_SECRET=test-only", "worklib.web.gateway-url=http://127.0.0.1:9" })
@AutoConfigureMockMvc
@WithPostgres
class WebPagesIT {

	@Autowired
	MockMvc mvc;

	@Test
	void speaksFrenchFirstAndEnglishWhenAsked() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"fr\">")))
			.andExpect(content()
				.string(containsString("N&#39;essayez pas de vous connecter avec vos identifiants Neo-nomade")));
		this.mvc.perform(get("/").header("Accept-Language", "en-GB,en;q=0.9"))
			.andExpect(content().string(containsString("Do not try to log in with your Neo-nomade credentials")));
		this.mvc.perform(get("/").header("Accept-Language", "de-DE"))
			.andExpect(content().string(containsString("<html lang=\"fr\">")));
	}

	@Test
	void everyPageCarriesACspWithoutInlineScriptAndKeepsReferrersHome() throws Exception {
		this.mvc.perform(get("/signup"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", containsString("form-action 'self'")))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void aPartnerPageNeedsAKeycloakSession() throws Exception {
		this.mvc.perform(get("/espace"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/oauth2/authorization/worklib")));
		this.mvc.perform(get("/oauth2/authorization/worklib"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", startsWith(
					"http://localhost:8080/auth/realms/worklib/protocol/openid-connect/auth?response_type=code&client_id=worklib-web")))
			.andExpect(header().string("Location", containsString("code_challenge_method=S256")));
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/signup").param("email", "a@b.test").param("firstName", "A").param("lastName", "B"))
			.andExpect(status().isForbidden());
	}

	@Test
	void loggingOutEndsTheKeycloakSessionToo() throws Exception {
		this.mvc.perform(post("/logout").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", startsWith(
					"http://localhost:8080/auth/realms/worklib/protocol/openid-connect/logout?client_id=worklib-web")));
	}

	@Test
	void anInvitationLinkLeavesTheUrlAtOnceAndAsksToLogInOrSignUpFirst() throws Exception {
		// the session is Spring Session's, in PostgreSQL, known by its cookie
		jakarta.servlet.http.Cookie session = this.mvc
			.perform(get("/invitations/accept").param("token", "secret-token"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/invitations/accept"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(get("/invitations/accept").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("J&#39;ai un compte : me connecter")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret-token"))));
		// accepting needs a Keycloak session
		this.mvc.perform(get("/invitations/accept/login").cookie(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/oauth2/authorization/worklib")));
		// without the link, the page says it is gone
		this.mvc.perform(get("/invitations/accept"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ce lien n&#39;est plus valable")));
	}

}
