package com.worklib.platform.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StripeSupportIT {

	@Test
	void theJvmsEmulatorKeepsTheAccountsItCreatesInStripesShape() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> created = http
				.send(HttpRequest.newBuilder(URI.create(StripeSupport.emulator().baseUrl() + "/v1/accounts"))
					.header("Authorization", "Bearer " + StripeSupport.TEST_SECRET_KEY)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("type=express&country=FR"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(200);
			Matcher id = Pattern.compile("\"id\": \"(acct_[A-Za-z0-9]+)\"").matcher(created.body());
			assertThat(id.find()).isTrue();

			HttpResponse<String> read = http.send(HttpRequest
				.newBuilder(URI.create(StripeSupport.emulator().baseUrl() + "/v1/accounts/" + id.group(1)))
				.header("Authorization", "Bearer " + StripeSupport.TEST_SECRET_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(read.statusCode()).isEqualTo(200);
			assertThat(read.body()).contains("\"object\": \"account\"").contains("\"payouts_enabled\": false");
			assertThat(http
				.send(HttpRequest
					.newBuilder(URI.create(StripeSupport.emulator().baseUrl() + "/v1/accounts/acct_unknown0000000"))
					.header("Authorization", "Bearer " + StripeSupport.TEST_SECRET_KEY)
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(404);
		}
	}

}
