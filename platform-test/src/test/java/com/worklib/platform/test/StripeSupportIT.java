package com.worklib.platform.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StripeSupportIT {

	@Test
	void emulatorAnswersAccountRetrievalInStripesShape() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create(StripeSupport.emulator().baseUrl() + "/v1/accounts/acct_ABCDEF1234567890"))
				.header("Authorization", "Bearer " + StripeSupport.TEST_SECRET_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"id\": \"acct_ABCDEF1234567890\"")
				.contains("\"object\": \"account\"");
		}
	}

}
