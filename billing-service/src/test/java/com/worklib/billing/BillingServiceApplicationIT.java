package com.worklib.billing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import com.worklib.platform.test.AbstractServiceIT;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

@SpringBootTest
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class BillingServiceApplicationIT extends AbstractServiceIT {

	/** What changed in 2026-12 is in the document clients generate from. */
	@org.junit.jupiter.api.Test
	void theOpenApiDocumentHasTheMandateReadAndThePageLimits() throws Exception {
		org.assertj.core.api.Assertions.assertThat(openApiDocument())
			.contains("The self-billing mandate to accept, and what was accepted")
			.contains("page * size is at most 100000 rows")
			.contains("rows per page, 1 to 200 (default 50)");
	}

}
