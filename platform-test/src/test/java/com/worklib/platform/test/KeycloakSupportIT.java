package com.worklib.platform.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.worklib.platform.test.app.SecuredApp;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.bootstrap-servers=127.0.0.1:1")
@WithKeycloak
class KeycloakSupportIT {

	@LocalServerPort
	int port;

	@Test
	void aTokenOfEachSeededUserIsAcceptedWithItsRealmRole() throws Exception {
		HttpResponse<String> ops = get("/whoami", KeycloakSupport.tokenFor(KeycloakSupport.OPS));
		assertThat(ops.statusCode()).isEqualTo(200);
		assertThat(ops.body()).contains("ops@worklib.test").contains("\"ops\"").contains("worklib-api");

		HttpResponse<String> employee = get("/whoami", KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE_2));
		assertThat(employee.statusCode()).isEqualTo(200);
		assertThat(employee.body()).contains("employee2@worklib.test")
			.contains("\"employee\"")
			.doesNotContain("\"ops\"");
	}

	@Test
	void tokensCarryTheConfiguredPublicIssuer() {
		String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		assertThat(payload).contains("\"iss\":\"" + KeycloakSupport.server().issuer() + "\"");
	}

	@Test
	void refusesAMissingOrTamperedToken() throws Exception {
		assertThat(get("/whoami", null).statusCode()).isEqualTo(401);
		String token = KeycloakSupport.tokenFor(KeycloakSupport.EMPLOYEE);
		String[] parts = token.split("\\.");
		String forgedPayload = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(
					new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"employee\"", "\"ops\"")
						.getBytes());
		assertThat(get("/whoami", parts[0] + "." + forgedPayload + "." + parts[2]).statusCode()).isEqualTo(401);
	}

	@Test
	void identityServiceAccountCanObtainAToken() {
		String token = KeycloakSupport.server()
			.clientCredentialsToken("identity-service", "dev-only-identity-service-secret");
		assertThat(token.split("\\.")).hasSize(3);
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
