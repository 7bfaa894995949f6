package com.worklib.billing.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyIdentifiersTest {

	@Test
	void acceptsARealSiretAndRefusesOneWithAWrongCheckDigit() {
		assertThat(CompanyIdentifiers.siretProblem("44306184100047")).isEmpty();
		assertThat(CompanyIdentifiers.siretProblem("44306184100048"))
			.hasValueSatisfying(p -> assertThat(p).contains("check digit"));
		assertThat(CompanyIdentifiers.siretProblem("443 061 841"))
			.hasValueSatisfying(p -> assertThat(p).contains("14 digits"));
		assertThat(CompanyIdentifiers.siretProblem("4430618410004A")).isPresent();
	}

	@Test
	void acceptsLaPosteEstablishmentsThatFailLuhnButPassTheirDigitSumRule() {
		// 35600000049837: Luhn says no, La Poste's rule (digit sum multiple of 5) says
		// yes
		assertThat(CompanyIdentifiers.siretProblem("35600000049837")).isEmpty();
		assertThat(CompanyIdentifiers.siretProblem("35600000049838")).isPresent();
	}

	@Test
	void checksTheFrenchVatKeyAgainstTheSiren() {
		assertThat(CompanyIdentifiers.vatNumberProblem("FR64443061841", "44306184100047")).isEmpty();
		assertThat(CompanyIdentifiers.vatNumberProblem("FR65443061841", "44306184100047"))
			.hasValueSatisfying(p -> assertThat(p).contains("key"));
		assertThat(CompanyIdentifiers.vatNumberProblem("FR44732829320", "44306184100047"))
			.hasValueSatisfying(p -> assertThat(p).contains("not to the SIRET's company"));
		assertThat(CompanyIdentifiers.vatNumberProblem("FR6444306184", "44306184100047")).isPresent();
	}

	@Test
	void checksOtherEuVatNumbersByShape() {
		assertThat(CompanyIdentifiers.vatNumberProblem("DE123456789", null)).isEmpty();
		assertThat(CompanyIdentifiers.vatNumberProblem("NL123456789B01", null)).isEmpty();
		assertThat(CompanyIdentifiers.vatNumberProblem("DE12345678", null))
			.hasValueSatisfying(p -> assertThat(p).contains("DE"));
		assertThat(CompanyIdentifiers.vatNumberProblem("US123456789", null))
			.hasValueSatisfying(p -> assertThat(p).contains("EU"));
	}

}
