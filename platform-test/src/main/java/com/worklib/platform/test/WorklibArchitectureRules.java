package com.worklib.platform.test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * House rules every service checks with ArchUnit (STYLE.md): time only through the
 * injected {@link Clock}; no field injection; controllers never return entities is
 * checked per service.
 */
public final class WorklibArchitectureRules {

	private WorklibArchitectureRules() {
	}

	/** {@code now()} without a clock makes dates untestable and the dev clock useless. */
	public static final ArchRule NO_NOW_WITHOUT_A_CLOCK = noClasses().should()
		.callMethod(Instant.class, "now")
		.orShould()
		.callMethod(LocalDateTime.class, "now")
		.orShould()
		.callMethod(LocalDate.class, "now")
		.orShould()
		.callMethod(OffsetDateTime.class, "now")
		.orShould()
		.callMethod(ZonedDateTime.class, "now")
		.orShould()
		.callMethod(System.class, "currentTimeMillis")
		.because("time comes from the injected java.time.Clock (STYLE.md), so tests and the dev clock can move it");

	public static final ArchRule NO_FIELD_INJECTION = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
		.because("dependencies are constructor-injected");

}
