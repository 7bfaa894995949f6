package com.worklib.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** The public identity endpoints: sign-up, the verification step, login help. */
public class PublicApi {

	private final RestClient api;

	PublicApi(RestClient api) {
		this.api = api;
	}

	public record Verified(String userId, String email) {
	}

	/**
	 * @throws ApiProblem when the API refuses it
	 */
	/** {@code company}: the employer, or null when the person gave none. */
	public void signup(String email, String firstName, String lastName, String locale, String company) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("firstName", firstName);
		body.put("lastName", lastName);
		body.put("locale", locale);
		if (company != null && !company.isBlank()) {
			body.put("company", company.trim());
		}
		call(() -> this.api.post()
			.uri("/api/identity/v1/signup")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity());
	}

	/**
	 * @throws ApiProblem 400 naming the password, 410 when the link is gone
	 */
	public Verified verify(String token, String password) {
		return call(() -> this.api.post()
			.uri("/api/identity/v1/email-verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", token, "password", password == null ? "" : password))
			.retrieve()
			.body(Verified.class));
	}

	public void loginHelp(String email) {
		call(() -> this.api.post()
			.uri("/api/identity/v1/login-help")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email))
			.retrieve()
			.toBodilessEntity());
	}

	static <T> T call(java.util.function.Supplier<T> request) {
		try {
			return request.get();
		}
		catch (RestClientResponseException ex) {
			throw ApiProblem.from(ex);
		}
	}

}
