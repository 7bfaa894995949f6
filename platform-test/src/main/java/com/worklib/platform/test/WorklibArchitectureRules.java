package com.worklib.platform.test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import java.util.List;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * House rules every service checks with ArchUnit (STYLE.md, CONTRIBUTING.md), run by each
 * service's {@code ArchitectureTest} through
 * {@code ArchTests.in(WorklibArchitectureRules.class)}: only the fields annotated
 * {@link ArchTest} run, so every rule here carries it (without it, the rules were
 * declared and never checked). Time only through the injected {@link Clock}; no field
 * injection; no service imports another's code; feature packages form no cycle;
 * controllers live in a {@code web} package and return records declared there; only
 * {@code web} packages use servlet or HTTP types; the domain does not import the
 * service's {@code web} packages; every package has a {@code package-info.java}.
 */
public final class WorklibArchitectureRules {

	private WorklibArchitectureRules() {
	}

	/** {@code now()} without a clock makes dates untestable and the dev clock useless. */
	@ArchTest
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

	@ArchTest
	public static final ArchRule NO_FIELD_INJECTION = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
		.because("dependencies are constructor-injected");

	/** The deployable services: none reads another's code, only its events and API. */
	static final List<String> SERVICES = List.of("identity", "venue", "booking", "billing", "payment", "notification",
			"gateway", "web");

	@ArchTest
	public static final ArchRule NO_SERVICE_IMPORTS_ANOTHER = classes()
		.should(new ArchCondition<>("depend on no other service's packages") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				String own = serviceOf(origin.getPackageName());
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					String target = serviceOf(dependency.getTargetClass().getPackageName());
					if (target != null && !target.equals(own)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		})
		.because("services share contracts and the platform, never each other's code");

	/** Feature packages ({@code com.worklib.<service>.<feature>}) form no cycle. */
	@ArchTest
	public static final ArchRule NO_CYCLES_BETWEEN_FEATURES = slices().matching("com.worklib.(*).(*)..")
		.should()
		.beFreeOfCycles()
		.because("a feature that needs another's internals, and is needed back, is one feature or two wrong ones");

	@ArchTest
	public static final ArchRule CONTROLLERS_LIVE_IN_WEB = classes().that()
		.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
		.or()
		.areAnnotatedWith("org.springframework.stereotype.Controller")
		.should()
		.resideInAPackage("..web..")
		.because("each feature keeps its HTTP mapping in its web subpackage (CONTRIBUTING.md)");

	/**
	 * What a controller returns is a record of its {@code web} package (or a JDK, Spring
	 * or platform type around one: {@code ResponseEntity<X>}, {@code PageResponse<X>},
	 * {@code List<X>}), never an aggregate: the API's shape changes only on purpose.
	 */
	@ArchTest
	public static final ArchRule CONTROLLERS_RETURN_WEB_RECORDS = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
		.methods()
		.that()
		.areDeclaredInClassesThat()
		.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
		.and()
		.areMetaAnnotatedWith("org.springframework.web.bind.annotation.RequestMapping")
		.should(new ArchCondition<>("return only types declared in a web package") {
			@Override
			public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
				java.util.Set<JavaClass> returned = new java.util.LinkedHashSet<>();
				collect(method.getReturnType(), returned);
				for (JavaClass type : returned) {
					if (serviceOf(type.getPackageName()) != null && !inWeb(type.getPackageName())) {
						events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns "
								+ type.getName() + ", which is not declared in a web package"));
					}
				}
			}
		})
		.because("controllers return response records declared in web, never entities (CONTRIBUTING.md)");

	/** Servlet, Spring MVC and HTTP types, and the platform's problem-details layer. */
	static final String[] HTTP_PACKAGES = { "jakarta.servlet..", "org.springframework.http..",
			"org.springframework.web.bind..", "org.springframework.web.servlet..", "org.springframework.web.method..",
			"org.springframework.web.context..", "com.worklib.platform.web.." };

	/**
	 * HTTP is the {@code web} packages' business: features throw domain refusals
	 * ({@code platform.domain}), and {@code ProblemDetailsAdvice} maps them.
	 */
	@ArchTest
	public static final ArchRule ONLY_WEB_USES_HTTP = noClasses().that()
		.resideOutsideOfPackage("..web..")
		.and(com.tngtech.archunit.base.DescribedPredicate.describe("belong to a service",
				(JavaClass c) -> serviceOf(c.getPackageName()) != null))
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(HTTP_PACKAGES)
		.because("aggregates and services throw domain exceptions; only web knows statuses, servlets and "
				+ "ApiException (CONTRIBUTING.md)");

	@ArchTest
	public static final ArchRule THE_DOMAIN_DOES_NOT_IMPORT_WEB = noClasses().that()
		.resideOutsideOfPackage("..web..")
		.and()
		.resideOutsideOfPackage("com.worklib.web..")
		.should()
		.dependOnClassesThat(resideInAServicesWebPackage())
		.because("HTTP is an adapter: the domain is called by it, never the other way round");

	@ArchTest
	public static final ArchRule EVERY_PACKAGE_SAYS_WHAT_IT_IS_FOR = classes()
		.should(new ArchCondition<>("reside in a package with a package-info.java") {
			@Override
			public void check(JavaClass clazz, ConditionEvents events) {
				if (clazz.getPackage().tryGetPackageInfo().isEmpty()) {
					events.add(SimpleConditionEvent.violated(clazz, "package " + clazz.getPackageName() + " of "
							+ clazz.getName() + " has no package-info.java"));
				}
			}
		})
		.because("one sentence per package tells a newcomer where things are (CONTRIBUTING.md)");

	/**
	 * A service's own {@code web} packages; the platform's {@code platform.web} is
	 * shared.
	 */
	static com.tngtech.archunit.base.DescribedPredicate<JavaClass> resideInAServicesWebPackage() {
		return com.tngtech.archunit.base.DescribedPredicate.describe("reside in a service's web package",
				c -> serviceOf(c.getPackageName()) != null
						&& (c.getPackageName().endsWith(".web") || c.getPackageName().contains(".web.")));
	}

	static boolean inWeb(String packageName) {
		return packageName.endsWith(".web") || packageName.contains(".web.");
	}

	/** The raw type and, recursively, its type arguments and array components. */
	static void collect(com.tngtech.archunit.core.domain.JavaType type, java.util.Set<JavaClass> into) {
		JavaClass raw = type.toErasure();
		into.add(raw.isArray() ? raw.getBaseComponentType() : raw);
		if (type instanceof com.tngtech.archunit.core.domain.JavaParameterizedType parameterized) {
			parameterized.getActualTypeArguments().forEach(argument -> collect(argument, into));
		}
		else if (type instanceof com.tngtech.archunit.core.domain.JavaWildcardType wildcard) {
			wildcard.getUpperBounds().forEach(bound -> collect(bound, into));
		}
	}

	static String serviceOf(String packageName) {
		for (String service : SERVICES) {
			if (packageName.equals("com.worklib." + service)
					|| packageName.startsWith("com.worklib." + service + ".")) {
				return service;
			}
		}
		return null;
	}

}
