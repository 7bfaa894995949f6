package com.worklib.identity.user.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.identity.user.LoginHelpService;
import com.worklib.identity.user.SignupService;
import com.worklib.identity.user.UserRepository;
import com.worklib.identity.user.VerificationService;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.EmailAddresses;
import com.worklib.platform.security.MembershipView;

@RestController
@RequestMapping("/api/identity/v1")
class IdentityController {

	/**
	 * The one answer of sign-up, whatever happened: it never tells whether an address is
	 * known.
	 */
	static final Map<String, String> VERIFICATION_SENT = Map.of("status", "VERIFICATION_SENT");

	private final SignupService signups;

	private final VerificationService verifications;

	private final LoginHelpService loginHelp;

	private final UserRepository users;

	private final MembershipView memberships;

	IdentityController(SignupService signups, VerificationService verifications, LoginHelpService loginHelp,
			UserRepository users, MembershipView memberships) {
		this.signups = signups;
		this.verifications = verifications;
		this.loginHelp = loginHelp;
		this.users = users;
		this.memberships = memberships;
	}

	/**
	 * {@code password} is still accepted from clients written before 2026-12 and ignored:
	 * the password is chosen on the verification step (ADR 15).
	 */
	record SignupRequest(@NotBlank @Size(max = 254) String email, @Size(max = 128) String password,
			@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
			@Pattern(regexp = "^(fr|en)$", message = "must be fr or en") String locale,
			@Size(max = 120) String company) {
	}

	/** The mailed token and the password its holder chooses. */
	record VerificationRequest(@NotBlank @Size(max = 200) String token, @Size(max = 128) String password) {
	}

	record EmailRequest(@NotBlank @Size(max = 254) String email) {
	}

	/** {@code company} added 2026-12: the employer given at sign-up, or null. */
	record Me(UUID userId, String email, String firstName, String lastName, List<String> roles,
			List<Membership> memberships, String company) {
	}

	record Membership(UUID partnerId, String role) {
	}

	@PostMapping("/signup")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@io.swagger.v3.oas.annotations.Operation(summary = "Sign up (no password: it is chosen on the verification step)",
			description = "Same 202 whether the address is new, pending (the pending sign-up is replaced and a fresh "
					+ "link mailed) or verified. `password` is accepted from older clients and ignored (ADR 15).")
	Map<String, String> signup(@Valid @RequestBody SignupRequest request) {
		this.signups.signup(new SignupService.Signup(normalize(request.email()), request.firstName().trim(),
				request.lastName().trim(), request.locale() == null ? "fr" : request.locale(),
				request.company() == null || request.company().isBlank() ? null : request.company().trim()));
		return VERIFICATION_SENT;
	}

	@PostMapping("/email-verifications")
	@io.swagger.v3.oas.annotations.Operation(summary = "Verify the address and choose the password",
			description = "{token, password}: the holder of the mailbox chooses the password here; a missing or weak "
					+ "password is 400 naming `password` and the link still works; 410 when the link is unknown, "
					+ "replaced, used or expired.")
	VerifiedResponse verify(@Valid @RequestBody VerificationRequest request) {
		VerificationService.Verified verified = this.verifications.verify(request.token(), request.password());
		return new VerifiedResponse(verified.userId(), verified.email(), verified.claimedPartnerIds());
	}

	@PostMapping("/login-help")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void loginHelp(@Valid @RequestBody EmailRequest request) {
		this.loginHelp.help(normalize(request.email()));
	}

	@GetMapping("/me")
	Me me() {
		CurrentUser user = CurrentUser.get();
		var token = ((JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication()).getToken();
		var mirror = this.users.findById(user.userId());
		List<Membership> list = this.memberships.activeMemberships(user.userId())
			.entrySet()
			.stream()
			.map(e -> new Membership(e.getKey(), e.getValue().name()))
			.toList();
		return new Me(user.userId(), user.email(),
				mirror.map(u -> u.firstName()).orElse(token.getClaimAsString("given_name")),
				mirror.map(u -> u.lastName()).orElse(token.getClaimAsString("family_name")),
				user.realmRoles()
					.stream()
					.filter(r -> List.of("employee", "partner", "ops").contains(r))
					.sorted()
					.toList(),
				list, mirror.map(u -> u.company()).orElse(null));
	}

	/**
	 * Trimmed and lower-cased, as every address is stored and compared; then it must look
	 * like one.
	 */
	static String normalize(String email) {
		String normalized = EmailAddresses.normalize(email);
		if (!EmailAddresses.isValid(normalized)) {
			throw FieldValidationException.of("email", "must be an email address");
		}
		return normalized;
	}

	record VerifiedResponse(UUID userId, String email, List<UUID> claimedPartnerIds) {
	}

}
