package com.worklib.platform.web;

import com.worklib.platform.domain.FieldValidationException;
import org.junit.jupiter.api.Test;

import com.worklib.platform.web.PageResponse.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageQueryTest {

	@Test
	void defaultsToTheFirstFiftyRows() {
		assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(0, 50));
		assertThat(PageQuery.of(null, null).offset()).isZero();
	}

	@Test
	void pagesAsDeepAsTheLimitAndNoFurther() {
		assertThat(PageQuery.of(500, 200).offset()).isEqualTo(PageResponse.MAX_OFFSET);
		assertThatThrownBy(() -> PageQuery.of(501, 200)).isInstanceOf(FieldValidationException.class)
			.hasMessageContaining("page");
	}

	/** {@code page * size} in int arithmetic wrapped to a negative offset here. */
	@Test
	void refusesPagesWhoseOffsetWouldOverflow() {
		assertThatThrownBy(() -> PageQuery.of(Integer.MAX_VALUE, 200)).isInstanceOf(FieldValidationException.class)
			.hasMessageContaining("page");
		assertThatThrownBy(() -> PageQuery.of(21_474_836, 200)).isInstanceOf(FieldValidationException.class);
	}

	@Test
	void refusesSizesOutsideOneToTwoHundredAndNegativePages() {
		assertThatThrownBy(() -> PageQuery.of(0, 201)).hasMessageContaining("size");
		assertThatThrownBy(() -> PageQuery.of(0, 0)).hasMessageContaining("size");
		assertThatThrownBy(() -> PageQuery.of(-1, 10)).hasMessageContaining("page");
	}

}
