package com.worklib.billing.profile.web;

import java.time.Instant;
import java.util.UUID;

import com.worklib.billing.profile.BillingProfile;

/** Settings > Billing information as the API returns it. */
record BillingProfileResponse(UUID partnerId, String legalName, String legalForm, String siret, String vatNumber,
		String vatRegime, Address address, String billingEmail, Instant updatedAt, UUID updatedBy) {

	static BillingProfileResponse of(BillingProfile p) {
		BillingProfile.Address a = p.address();
		return new BillingProfileResponse(p.partnerId(), p.legalName(), p.legalForm(), p.siret(), p.vatNumber(),
				p.vatRegime().name(), new Address(a.line1(), a.line2(), a.postalCode(), a.city(), a.country()),
				p.billingEmail(), p.updatedAt(), p.updatedBy());
	}

	record Address(String line1, String line2, String postalCode, String city, String country) {
	}

}
