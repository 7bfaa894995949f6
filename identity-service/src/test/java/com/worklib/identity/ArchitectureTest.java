package com.worklib.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import com.worklib.platform.test.WorklibArchitectureRules;

@AnalyzeClasses(packages = "com.worklib.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests worklibRules = ArchTests.in(WorklibArchitectureRules.class);

}
