package com.worklib.billing.profile;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * French company identifiers and EU VAT numbers, each check returning what is wrong in
 * words a partner understands (empty when valid).
 */
public final class CompanyIdentifiers {

	/**
	 * La Poste's SIREN: its establishments' SIRETs follow a sum-of-digits rule, not Luhn.
	 */
	static final String LA_POSTE_SIREN = "356000000";

	private static final Pattern FOURTEEN_DIGITS = Pattern.compile("\\d{14}");

	/** VAT number shapes of the other EU member states (VIES formats). */
	private static final Map<String, Pattern> EU_VAT = Map.ofEntries(Map.entry("AT", Pattern.compile("ATU\\d{8}")),
			Map.entry("BE", Pattern.compile("BE[01]\\d{9}")), Map.entry("BG", Pattern.compile("BG\\d{9,10}")),
			Map.entry("CY", Pattern.compile("CY\\d{8}[A-Z]")), Map.entry("CZ", Pattern.compile("CZ\\d{8,10}")),
			Map.entry("DE", Pattern.compile("DE\\d{9}")), Map.entry("DK", Pattern.compile("DK\\d{8}")),
			Map.entry("EE", Pattern.compile("EE\\d{9}")), Map.entry("EL", Pattern.compile("EL\\d{9}")),
			Map.entry("ES", Pattern.compile("ES[A-Z0-9]\\d{7}[A-Z0-9]")), Map.entry("FI", Pattern.compile("FI\\d{8}")),
			Map.entry("HR", Pattern.compile("HR\\d{11}")), Map.entry("HU", Pattern.compile("HU\\d{8}")),
			Map.entry("IE", Pattern.compile("IE\\d{7}[A-W][A-I]?|IE\\d[A-Z+*]\\d{5}[A-W]")),
			Map.entry("IT", Pattern.compile("IT\\d{11}")), Map.entry("LT", Pattern.compile("LT(\\d{9}|\\d{12})")),
			Map.entry("LU", Pattern.compile("LU\\d{8}")), Map.entry("LV", Pattern.compile("LV\\d{11}")),
			Map.entry("MT", Pattern.compile("MT\\d{8}")), Map.entry("NL", Pattern.compile("NL\\d{9}B\\d{2}")),
			Map.entry("PL", Pattern.compile("PL\\d{10}")), Map.entry("PT", Pattern.compile("PT\\d{9}")),
			Map.entry("RO", Pattern.compile("RO\\d{2,10}")), Map.entry("SE", Pattern.compile("SE\\d{12}")),
			Map.entry("SI", Pattern.compile("SI\\d{8}")), Map.entry("SK", Pattern.compile("SK\\d{10}")));

	private CompanyIdentifiers() {
	}

	/**
	 * A SIRET: 14 digits whose Luhn sum is a multiple of 10 (La Poste: digit sum of 5).
	 */
	public static Optional<String> siretProblem(String siret) {
		if (siret == null || !FOURTEEN_DIGITS.matcher(siret).matches()) {
			return Optional.of("must be 14 digits (SIREN + establishment number), without spaces");
		}
		boolean valid = siret.startsWith(LA_POSTE_SIREN) ? digitSum(siret) % 5 == 0 : luhn(siret);
		return valid ? Optional.empty() : Optional.of("is not a valid SIRET: its check digit does not match");
	}

	/**
	 * A VAT number: French ones are {@code FR} + 2-digit key + the SIREN of the SIRET,
	 * with the key {@code (12 + 3 × (SIREN mod 97)) mod 97}; other EU numbers by shape.
	 */
	public static Optional<String> vatNumberProblem(String vatNumber, String siret) {
		String vat = vatNumber.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
		if (vat.length() < 4) {
			return Optional.of("is too short to be a VAT number");
		}
		String country = vat.substring(0, 2);
		if ("FR".equals(country)) {
			if (!vat.matches("FR\\d{11}")) {
				return Optional.of("must be FR followed by 11 digits (2-digit key + SIREN)");
			}
			String siren = vat.substring(4);
			long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
			if (Integer.parseInt(vat.substring(2, 4)) != key) {
				return Optional.of("is not a valid French VAT number: its key does not match the SIREN " + siren);
			}
			if (siret != null && siret.length() == 14 && !siret.startsWith(siren)) {
				return Optional
					.of("belongs to SIREN " + siren + ", not to the SIRET's company " + siret.substring(0, 9));
			}
			return Optional.empty();
		}
		Pattern shape = EU_VAT.get(country);
		if (shape == null) {
			return Optional.of("must start with the code of an EU member state (FR, DE, BE, …)");
		}
		return shape.matcher(vat).matches() ? Optional.empty()
				: Optional.of("does not have the format of a " + country + " VAT number");
	}

	static String normalizeVat(String vatNumber) {
		return vatNumber == null ? null : vatNumber.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
	}

	private static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return sum % 10 == 0;
	}

	private static int digitSum(String digits) {
		return digits.chars().map(c -> c - '0').sum();
	}

}
