package com.worklib.payment.account.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.payment.account.ConnectedAccountRepository;
import com.worklib.payment.account.ConnectedAccountService;
import com.worklib.payment.provider.PaymentProvider.OnboardingLink;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;

/** Settings > PayoutRepository: Stripe onboarding and what Stripe still needs. */
@RestController
@RequestMapping("${worklib.api.base-path}/partners/{partnerId}/connected-account")
class ConnectedAccountController {

	private final ConnectedAccountService service;

	private final ConnectedAccountRepository accounts;

	private final PartnerAccess access;

	ConnectedAccountController(ConnectedAccountService service, ConnectedAccountRepository accounts,
			PartnerAccess access) {
		this.service = service;
		this.accounts = accounts;
		this.access = access;
	}

	@PostMapping("/onboarding-link")
	@ResponseStatus(HttpStatus.CREATED)
	LinkResponse onboardingLink(@PathVariable UUID partnerId) {
		this.access.requireWrite(CurrentUser.get(), partnerId, PartnerRole.OWNER, PartnerRole.FINANCE);
		OnboardingLink link = this.service.onboardingLink(partnerId);
		return new LinkResponse(link.url(), link.expiresAt());
	}

	@GetMapping
	AccountResponse account(@PathVariable UUID partnerId) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId, PartnerRole.OWNER,
				PartnerRole.FINANCE);
		return this.accounts.find(partnerId)
			.map(a -> new AccountResponse(a.stripeAccountId(), a.status().name(), a.payoutsEnabled(),
					a.requirementsDue(), a.disabledReason()))
			.orElseGet(() -> new AccountResponse(null, "NONE", false, List.of(), null));
	}

	record LinkResponse(String url, Instant expiresAt) {
	}

	record AccountResponse(String stripeAccountId, String status, boolean payoutsEnabled, List<String> requirementsDue,
			String disabledReason) {
	}

}
