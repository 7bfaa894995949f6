package com.worklib.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.worklib.platform.test.WorklibArchitectureRules;

@AnalyzeClasses(packages = "com.worklib.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule noNowWithoutAClock = WorklibArchitectureRules.NO_NOW_WITHOUT_A_CLOCK;

	@ArchTest
	static final ArchRule noFieldInjection = WorklibArchitectureRules.NO_FIELD_INJECTION;

}
