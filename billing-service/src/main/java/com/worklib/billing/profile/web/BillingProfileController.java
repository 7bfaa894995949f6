package com.worklib.billing.profile.web;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.domain.NotFoundException;
import com.worklib.billing.profile.BillingProfile;
import com.worklib.billing.profile.BillingProfileRepository;
import com.worklib.billing.profile.MandateText;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;

/**
 * Settings > Billing information (OWNER and FINANCE) and the self-billing mandate (OWNER
 * only).
 */
@RestController
@RequestMapping("${worklib.api.base-path}/partners/{partnerId}")
class BillingProfileController {

	/** The mandate texts a partner can accept. */
	static final Set<String> MANDATE_VERSIONS = Set.of(MandateText.CURRENT_VERSION);

	private final BillingProfileRepository profiles;

	private final PartnerAccess access;

	private final Clock clock;

	BillingProfileController(BillingProfileRepository profiles, PartnerAccess access, Clock clock) {
		this.profiles = profiles;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/billing-profile")
	BillingProfileResponse get(@PathVariable UUID partnerId) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Billing profile of partner " + partnerId,
				PartnerRole.OWNER, PartnerRole.FINANCE);
		return this.profiles.find(partnerId)
			.map(BillingProfileResponse::of)
			.orElseThrow(() -> new NotFoundException("Billing profile of partner " + partnerId));
	}

	@PutMapping("/billing-profile")
	BillingProfileResponse put(@PathVariable UUID partnerId, @RequestBody BillingProfile.Request request) {
		CurrentUser user = CurrentUser.get();
		this.access.requireWrite(user, partnerId, PartnerRole.OWNER, PartnerRole.FINANCE);
		BillingProfile profile = request.validated(partnerId, this.clock.instant(), user.userId());
		this.profiles.save(profile);
		return BillingProfileResponse.of(profile);
	}

	/**
	 * What a client shows before the owner accepts: the current text in both languages,
	 * and what this partner accepted, if anything (an older version means accept again).
	 */
	@GetMapping("/self-billing-mandate")
	@io.swagger.v3.oas.annotations.Operation(summary = "The self-billing mandate to accept, and what was accepted",
			description = "The current version and its text in French and English; `accepted` when this partner "
					+ "accepted a version. OWNER, FINANCE, ops; others 404.")
	MandateView mandate(@PathVariable UUID partnerId) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId, PartnerRole.OWNER,
				PartnerRole.FINANCE);
		return new MandateView(MandateText.CURRENT_VERSION, MandateText.current(),
				this.profiles.findMandate(partnerId).map(MandateResponse::of).orElse(null));
	}

	record MandateView(String currentVersion, MandateText.Texts text,
			@JsonInclude(JsonInclude.Include.NON_NULL) MandateResponse accepted) {
	}

	record MandateResponse(String mandateVersion, java.time.Instant acceptedAt, UUID acceptedBy) {

		static MandateResponse of(BillingProfileRepository.Mandate m) {
			return new MandateResponse(m.mandateVersion(), m.acceptedAt(), m.acceptedBy());
		}

	}

	@PostMapping("/self-billing-mandate")
	ResponseEntity<MandateResponse> acceptMandate(@PathVariable UUID partnerId,
			@RequestBody MandateAcceptance acceptance) {
		CurrentUser user = CurrentUser.get();
		this.access.requireWrite(user, partnerId, PartnerRole.OWNER);
		if (!Boolean.TRUE.equals(acceptance.accepted())) {
			throw FieldValidationException.of("accepted", "must be true: the mandate is accepted explicitly");
		}
		if (acceptance.mandateVersion() == null || !MANDATE_VERSIONS.contains(acceptance.mandateVersion())) {
			throw FieldValidationException.of("mandateVersion", "must be one of " + MANDATE_VERSIONS);
		}
		BillingProfileRepository.Mandate mandate = new BillingProfileRepository.Mandate(acceptance.mandateVersion(),
				this.clock.instant(), user.userId());
		this.profiles.saveMandate(partnerId, mandate);
		return ResponseEntity.status(HttpStatus.CREATED).body(MandateResponse.of(mandate));
	}

	record MandateAcceptance(Boolean accepted, String mandateVersion) {
	}

}
