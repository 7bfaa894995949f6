package com.worklib.venue.partner.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.domain.NotFoundException;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.venue.partner.Partner;
import com.worklib.venue.partner.PartnerRepository;

@RestController
@RequestMapping("/api/venues/v1")
class PartnerController {

	private final PartnerRepository partners;

	private final PartnerAccess access;

	PartnerController(PartnerRepository partners, PartnerAccess access) {
		this.partners = partners;
		this.access = access;
	}

	/**
	 * Any member of the partner, or ops. {@code code} is additive: the prefix of invoice
	 * numbers.
	 */
	@GetMapping("/partners/{partnerId}")
	PartnerResponse get(@PathVariable UUID partnerId) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId);
		Partner partner = this.partners.findById(partnerId)
			.orElseThrow(() -> new NotFoundException("Partner " + partnerId));
		return new PartnerResponse(partner.id(), partner.name(), partner.status().name(), partner.platformFeeBps(),
				partner.code());
	}

	record PartnerResponse(UUID partnerId, String name, String status, int platformFeeBps, String code) {
	}

}
