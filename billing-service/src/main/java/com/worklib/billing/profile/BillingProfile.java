package com.worklib.billing.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.worklib.platform.domain.FieldError;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.security.EmailAddresses;

/**
 * Settings > Billing information: the seller of every self-billed invoice.
 */
public record BillingProfile(UUID partnerId, String legalName, String legalForm, String siret, String vatNumber,
		VatRegime vatRegime, Address address, String billingEmail, Instant updatedAt, UUID updatedBy) {

	/** Whether the partner's invoices charge VAT. */
	public enum VatRegime {

		/** VAT charged at each line's rate. */
		STANDARD,
		/** Franchise en base (art. 293 B du CGI): no VAT on the invoice. */
		FRANCHISE

	}

	public record Address(String line1, String line2, String postalCode, String city, String country) {
	}

	/** What a partner sends; every field error is reported at once. */
	public record Request(String legalName, String legalForm, String siret, String vatNumber, String vatRegime,
			Address address, String billingEmail) {

		public BillingProfile validated(UUID partnerId, Instant now, UUID by) {
			List<FieldError> errors = new ArrayList<>();
			required(errors, "legalName", this.legalName);
			required(errors, "legalForm", this.legalForm);
			String siret = this.siret == null ? null : this.siret.replace(" ", "");
			CompanyIdentifiers.siretProblem(siret).ifPresent(p -> errors.add(new FieldError("siret", p)));
			String regime = this.vatRegime == null ? null : this.vatRegime.trim().toUpperCase(Locale.ROOT);
			if (!"STANDARD".equals(regime) && !"FRANCHISE".equals(regime)) {
				errors.add(new FieldError("vatRegime", "must be STANDARD or FRANCHISE"));
			}
			String vat = CompanyIdentifiers.normalizeVat(this.vatNumber);
			if (vat != null && !vat.isEmpty()) {
				CompanyIdentifiers.vatNumberProblem(vat, siret)
					.ifPresent(p -> errors.add(new FieldError("vatNumber", p)));
			}
			else if ("STANDARD".equals(regime)) {
				errors.add(new FieldError("vatNumber",
						"is required when VAT is charged (regime STANDARD); choose FRANCHISE if you are not liable"));
			}
			if (this.address == null) {
				errors.add(new FieldError("address", "is required"));
			}
			else {
				required(errors, "address.line1", this.address.line1());
				required(errors, "address.city", this.address.city());
				if (this.address.postalCode() == null
						|| !this.address.postalCode().trim().matches("[0-9A-Za-z -]{3,10}")) {
					errors.add(new FieldError("address.postalCode", "must be a postal code such as 69002"));
				}
				if (this.address.country() == null || !this.address.country().trim().matches("[A-Za-z]{2}")) {
					errors.add(new FieldError("address.country", "must be an ISO 3166 two-letter code such as FR"));
				}
			}
			String email = this.billingEmail == null ? null : EmailAddresses.normalize(this.billingEmail);
			if (email == null || !EmailAddresses.isValid(email)) {
				errors.add(new FieldError("billingEmail", "must be an email address"));
			}
			if (!errors.isEmpty()) {
				throw new FieldValidationException(errors);
			}
			Address a = new Address(this.address.line1().trim(), blankToNull(this.address.line2()),
					this.address.postalCode().trim(), this.address.city().trim(),
					this.address.country().trim().toUpperCase(Locale.ROOT));
			return new BillingProfile(partnerId, this.legalName.trim(), this.legalForm.trim(), siret,
					vat == null || vat.isEmpty() ? null : vat, VatRegime.valueOf(regime), a, email, now, by);
		}

		private static void required(List<FieldError> errors, String field, String value) {
			if (value == null || value.isBlank()) {
				errors.add(new FieldError(field, "is required"));
			}
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.trim();
		}

	}

	public String siren() {
		return this.siret.substring(0, 9);
	}

	public boolean franchise() {
		return this.vatRegime == VatRegime.FRANCHISE;
	}

}
