package com.worklib.web.partner.team;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.UserApi;

/**
 * The invitation mail's link. Its token leaves the URL at once (kept in the session, like
 * the verification link's), so it is in no history and no Referer. Someone not signed in
 * is asked to log in or sign up first, with the invited address; the invitation waits in
 * the session through sign-up, verification and login, then the invitee accepts.
 */
@Controller
public class InvitationPages {

	/** The session attribute that holds a pending invitation's token. */
	public static final String TOKEN = InvitationPages.class.getName() + ".token";

	/** The invited address as the API masks it in its refusal: {@code m***@lac.test}. */
	private static final java.util.regex.Pattern MASKED_ADDRESS = java.util.regex.Pattern.compile("\\S+@\\S+");

	private final UserApi api;

	InvitationPages(UserApi api) {
		this.api = api;
	}

	@GetMapping(path = "/invitations/accept", params = "token")
	String fromMail(@RequestParam String token, HttpSession session) {
		session.setAttribute(TOKEN, token);
		return "redirect:/invitations/accept";
	}

	@GetMapping("/invitations/accept")
	String invitation(HttpSession session, Authentication authentication, Model model) {
		if (session.getAttribute(TOKEN) == null) {
			return "account/link-gone";
		}
		model.addAttribute("signedInHere", authentication instanceof OAuth2AuthenticationToken);
		return "account/invitation";
	}

	/** Behind the login: Keycloak's page comes first when needed, then back here. */
	@GetMapping("/invitations/accept/login")
	String login() {
		return "redirect:/invitations/accept";
	}

	@PostMapping("/invitations/accept")
	String accept(HttpSession session, Authentication authentication, Model model, RedirectAttributes redirect) {
		String token = (String) session.getAttribute(TOKEN);
		if (token == null) {
			return "account/link-gone";
		}
		if (!(authentication instanceof OAuth2AuthenticationToken)) {
			return "redirect:/invitations/accept/login";
		}
		UserApi.Accepted accepted;
		try {
			accepted = this.api.acceptInvitation(token);
		}
		catch (ApiProblem problem) {
			if (problem.status() == 410 || problem.status() == 404) {
				session.removeAttribute(TOKEN);
				return "account/link-gone";
			}
			if (problem.status() != 403) {
				throw problem;
			}
			// another address than the invited one, or one not verified yet
			model.addAttribute("signedInHere", true);
			model.addAttribute("refused", problem.slug());
			java.util.regex.Matcher masked = MASKED_ADDRESS.matcher(problem.getMessage());
			model.addAttribute("invitedAddress", masked.find() ? masked.group() : "");
			return "account/invitation";
		}
		session.removeAttribute(TOKEN);
		awaitMembership(accepted.partnerId());
		redirect.addFlashAttribute("joined", accepted.role());
		return "redirect:/partners/" + accepted.partnerId();
	}

	/**
	 * The new membership reaches the other services by an event, a moment after identity
	 * granted it: wait a few seconds for the partner to answer, so the invitee does not
	 * land on a 404 the instant after accepting.
	 */
	private void awaitMembership(java.util.UUID partnerId) {
		for (int attempt = 0; attempt < 20; attempt++) {
			try {
				this.api.partner(partnerId);
				return;
			}
			catch (ApiProblem notYet) {
				if (notYet.status() != 404) {
					return;
				}
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
