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

	/**
	 * The ops console's partner list: claimed or not, searched by name, code, migration
	 * address or Neo-nomade id. Ops only.
	 */
	@GetMapping("/partners")
	com.worklib.platform.web.PageResponse<OpsPartner> search(
			@org.springframework.web.bind.annotation.RequestParam(required = false) String q,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String status,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Integer size) {
		CurrentUser.requireOps("Only ops list partners");
		if (q != null && q.length() > 200) {
			throw com.worklib.platform.domain.FieldValidationException.of("q", "must be at most 200 characters");
		}
		com.worklib.venue.partner.PartnerStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = com.worklib.venue.partner.PartnerStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				throw com.worklib.platform.domain.FieldValidationException.of("status", "must be UNCLAIMED or CLAIMED");
			}
		}
		var query = com.worklib.platform.web.PageResponse.PageQuery.of(page, size);
		return com.worklib.platform.web.PageResponse.of(this.partners.search(q, wanted, query.offset(), query.size())
			.stream()
			.map(p -> new OpsPartner(p.id(), p.name(), p.status().name(), p.code(), p.migrationEmail(),
					p.neoNomadeId()))
			.toList(), query, this.partners.count(q, wanted));
	}

	record OpsPartner(UUID partnerId, String name, String status, String code, String migrationEmail,
			String neoNomadeId) {
	}

	record PartnerResponse(UUID partnerId, String name, String status, int platformFeeBps, String code) {
	}

}
