package com.worklib.billing.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Worklib as it appears on every self-billed invoice: the buyer that issues the invoice
 * in the name and on behalf of the partner. Production sets the real identifiers through
 * {@code WORKLIB_BILLING_PLATFORM_*}; the defaults are obviously fictitious.
 */
@ConfigurationProperties("worklib.billing.platform")
public record PlatformIdentity(@DefaultValue("Worklib SAS (dev)") String legalName,
		@DefaultValue("1 rue de l'Exemple") String street, @DefaultValue("75002") String postalCode,
		@DefaultValue("Paris") String city, @DefaultValue("FR") String country, @DefaultValue("000000000") String siren,
		@DefaultValue("FR00000000000") String vatNumber) {
}
