package com.worklib.identity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import com.worklib.platform.test.AbstractServiceIT;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

@SpringBootTest
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class IdentityServiceApplicationIT extends AbstractServiceIT {

	/** Sign-up and verification as the document clients generate from describes them. */
	@org.junit.jupiter.api.Test
	void theOpenApiDocumentSaysWhereThePasswordIsChosen() throws Exception {
		org.assertj.core.api.Assertions.assertThat(openApiDocument())
			.contains("Sign up (no password: it is chosen on the verification step)")
			.contains("Verify the address and choose the password");
	}

}
