package com.worklib.web.account;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.PublicApi;

/**
 * "S'inscrire" (the migration mail's button fills the address in) → "check your mailbox"
 * → the mailed link → "choose your password" → Keycloak's login → "Votre espace". The
 * link's token is taken off the URL at once (kept in the session), so it is neither in
 * the browser's history nor in a Referer.
 */
@Controller
class SignupPages {

	static final String TOKEN = SignupPages.class.getName() + ".token";

	private final PublicApi api;

	SignupPages(PublicApi api) {
		this.api = api;
	}

	/**
	 * {@code company} is optional: an employee's employer, shown to the partners they
	 * book.
	 */
	record SignupForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String firstName,
			@NotBlank @Size(max = 100) String lastName, @Size(max = 120) String company) {
	}

	record PasswordForm(@NotBlank @Size(max = 128) String password, @NotBlank @Size(max = 128) String confirmation) {
	}

	@GetMapping("/signup")
	String signup(@RequestParam(required = false) String email, Model model) {
		model.addAttribute("signupForm", new SignupForm(email == null ? "" : email.trim(), "", "", ""));
		return "account/signup";
	}

	@PostMapping("/signup")
	String signup(@Valid @ModelAttribute SignupForm signupForm, BindingResult form, Locale locale) {
		if (form.hasErrors()) {
			return "account/signup";
		}
		try {
			this.api.signup(signupForm.email().trim(), signupForm.firstName().trim(), signupForm.lastName().trim(),
					locale.getLanguage(), signupForm.company());
		}
		catch (ApiProblem problem) {
			problem.reject(form, Set.of("email", "firstName", "lastName", "company"));
			return "account/signup";
		}
		return "redirect:/signup/sent";
	}

	@GetMapping("/signup/sent")
	String sent() {
		return "account/signup-sent";
	}

	@GetMapping(path = "/verify-email", params = "token")
	String fromMail(@RequestParam String token, HttpSession session) {
		session.setAttribute(TOKEN, token);
		return "redirect:/verify-email";
	}

	@GetMapping("/verify-email")
	String choosePassword(HttpSession session, Model model) {
		if (session.getAttribute(TOKEN) == null) {
			return "account/link-gone";
		}
		model.addAttribute("passwordForm", new PasswordForm("", ""));
		return "account/verify-email";
	}

	@PostMapping("/verify-email")
	String verify(@Valid @ModelAttribute PasswordForm passwordForm, BindingResult form, HttpSession session) {
		String token = (String) session.getAttribute(TOKEN);
		if (token == null) {
			return "account/link-gone";
		}
		if (!form.hasFieldErrors("confirmation") && !passwordForm.confirmation().equals(passwordForm.password())) {
			form.rejectValue("confirmation", "mismatch");
		}
		if (form.hasErrors()) {
			return "account/verify-email";
		}
		try {
			this.api.verify(token, passwordForm.password());
		}
		catch (ApiProblem problem) {
			if (problem.status() == 410) {
				session.removeAttribute(TOKEN);
				return "account/link-gone";
			}
			problem.reject(form, Set.of("password"));
			return "account/verify-email";
		}
		session.removeAttribute(TOKEN);
		if (session.getAttribute(com.worklib.web.partner.team.InvitationPages.TOKEN) != null) {
			// signed up to accept an invitation: log in, then accept it
			return "redirect:/invitations/accept/login";
		}
		// Keycloak's login page comes next: the person signs in with the password just
		// chosen
		return "redirect:/espace?welcome";
	}

	@GetMapping("/login-help")
	String loginHelp(Model model) {
		model.addAttribute("email", "");
		return "account/login-help";
	}

	@PostMapping("/login-help")
	String loginHelp(@RequestParam(defaultValue = "") String email, Model model) {
		if (!email.isBlank()) {
			this.api.loginHelp(email.trim());
		}
		model.addAttribute("sent", true);
		model.addAttribute("email", email);
		return "account/login-help";
	}

}
