package com.worklib.web.support;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Pages need a Keycloak session except the public ones (home, sign-up, verification,
 * login help, assets). Authorization code with PKCE; tokens stay in the server-side
 * session. Every form carries a CSRF token; the Content-Security-Policy allows no inline
 * script; a Referer goes to our own origin only ({@code no-referrer} would make the
 * browser send {@code Origin: null} with every form, which the gateway's CORS refuses).
 * Logging out ends the Keycloak session too.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	static final String[] PUBLIC = { "/", "/signup", "/signup/sent", "/verify-email", "/login-help",
			"/invitations/accept", "/search", "/places/**", "/css/**", "/js/**", "/webjars/**", "/actuator/health",
			"/actuator/health/**", "/error", "/favicon.ico", "/favicon.svg" };

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations,
			@Value("${worklib.web.public-url}") String publicUrl,
			@Value("${worklib.web.keycloak-logout-uri}") String keycloakLogout) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				"/oauth2/authorization");
		pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.authorizeHttpRequests(pages -> pages.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
			// no login page of our own: Keycloak's, with the worklib theme, is the login
			// page
			.oauth2Login(login -> login.loginPage("/oauth2/authorization/worklib")
				.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
				.defaultSuccessUrl("/espace"))
			.logout(logout -> logout.logoutSuccessHandler(keycloakLogout(publicUrl, keycloakLogout)))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
						+ "base-uri 'self'; object-src 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** RP-initiated logout: Keycloak ends its session, then sends the browser home. */
	static LogoutSuccessHandler keycloakLogout(String publicUrl, String endSession) {
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			String home = URLEncoder.encode(publicUrl + "/", StandardCharsets.UTF_8);
			String target = endSession + "?client_id=worklib-web&post_logout_redirect_uri=" + home;
			if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
				target += "&id_token_hint="
						+ URLEncoder.encode(user.getIdToken().getTokenValue(), StandardCharsets.UTF_8);
			}
			response.sendRedirect(target);
		};
	}

}
