package com.worklib.platform.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeysTest {

	@Test
	void whatAPersonTypesMatchesTheCityAsWritten() {
		assertThat(SearchKeys.of("Saint-Étienne")).isEqualTo("saint etienne");
		assertThat(SearchKeys.of("  saint etienne ")).isEqualTo("saint etienne");
		assertThat(SearchKeys.of("SAINT ÉTIENNE")).isEqualTo("saint etienne");
		assertThat(SearchKeys.of("Lyon")).isEqualTo(SearchKeys.of("lyon"));
		assertThat(SearchKeys.of("Besançon")).isEqualTo("besancon");
	}

}
