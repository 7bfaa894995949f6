package com.worklib.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shared library knows no service's events: prices, messaging and security are
 * generic. Its one reader of an event is the membership read model, which every service
 * needs and identity-service owns.
 */
class PlatformArchitectureTest {

	static final JavaClasses PLATFORM = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.worklib.platform");

	@Test
	void onlyTheMembershipReadModelReadsAServicesEvents() {
		noClasses().that()
			.resideOutsideOfPackage("com.worklib.platform.security..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.worklib.contracts.identity..", "com.worklib.contracts.venue..",
					"com.worklib.contracts.booking..", "com.worklib.contracts.billing..",
					"com.worklib.contracts.payment..", "com.worklib.contracts.notification..")
			.because("a service's event format is that service's: the platform must not change when it does")
			.check(PLATFORM);
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.worklib.contracts.venue..", "com.worklib.contracts.booking..",
					"com.worklib.contracts.billing..", "com.worklib.contracts.payment..",
					"com.worklib.contracts.notification..")
			.because("memberships (identity's) are the one event every service reads through the platform")
			.check(PLATFORM);
	}

}
