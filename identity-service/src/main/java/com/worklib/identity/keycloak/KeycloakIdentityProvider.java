package com.worklib.identity.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Keycloak's admin REST API with the {@code identity-service} service account. Every call
 * has a connect/read timeout, is retried once on a network error or 5xx (never on 4xx),
 * and goes through a circuit breaker so a Keycloak outage answers 503 at once instead of
 * piling up requests.
 */
@Component
class KeycloakIdentityProvider implements IdentityProvider {

	private final KeycloakProperties properties;

	private final HttpClient http;

	private final JsonMapper json;

	private final Clock clock;

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	private volatile ServiceToken token;

	KeycloakIdentityProvider(KeycloakProperties properties, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		this.retry = Retry.of("keycloak",
				RetryConfig.custom()
					.maxAttempts(2)
					.waitDuration(Duration.ofMillis(100))
					.retryOnException(ex -> ex instanceof TransientFailure)
					.build());
		this.circuitBreaker = CircuitBreaker.of("keycloak",
				CircuitBreakerConfig.custom()
					.slidingWindowSize(20)
					.minimumNumberOfCalls(10)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofSeconds(10))
					.recordException(ex -> ex instanceof TransientFailure)
					.build());
	}

	@Override
	public UUID createUser(NewUser user) {
		Map<String, Object> body = Map.of("username", user.email(), "email", user.email(), "firstName",
				user.firstName(), "lastName", user.lastName(), "enabled", true, "emailVerified", false, "attributes",
				Map.of("locale", List.of(user.locale())));
		HttpResponse<String> response = call(() -> request("/users").POST(jsonBody(body)));
		expect(response, 201);
		String location = response.headers().firstValue("Location").orElseThrow();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	/**
	 * Read, changed, written back whole: with Keycloak's declarative user profile a
	 * partial representation clears what it leaves out (the email), and the account then
	 * asks to be set up again.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public void updateProfile(UUID userId, NewUser user) {
		HttpResponse<String> current = call(() -> request("/users/" + userId).GET());
		expect(current, 200);
		Map<String, Object> representation = this.json.readValue(current.body(), Map.class);
		representation.put("firstName", user.firstName());
		representation.put("lastName", user.lastName());
		Map<String, Object> attributes = representation.get("attributes") instanceof Map<?, ?> existing
				? new java.util.HashMap<>((Map<String, Object>) existing) : new java.util.HashMap<>();
		attributes.put("locale", List.of(user.locale()));
		representation.put("attributes", attributes);
		expect(call(() -> request("/users/" + userId).PUT(jsonBody(representation))), 204);
	}

	@Override
	public void setPassword(UUID userId, String password) {
		HttpResponse<String> response = call(() -> request("/users/" + userId + "/reset-password")
			.PUT(jsonBody(Map.of("type", "password", "value", password, "temporary", false))));
		if (response.statusCode() == 400) {
			throw new PasswordRejectedException(passwordRule(response.body()));
		}
		expect(response, 204);
	}

	@Override
	public Optional<UUID> findUserByEmail(String email) {
		HttpResponse<String> response = call(() -> request(
				"/users?exact=true&briefRepresentation=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
			.GET());
		expect(response, 200);
		JsonNode users = this.json.readTree(response.body());
		return users.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(users.get(0).get("id").asString()));
	}

	@Override
	public void markEmailVerified(UUID userId) {
		expect(call(() -> request("/users/" + userId).PUT(jsonBody(Map.of("emailVerified", true)))), 204);
	}

	@Override
	public void deleteUser(UUID userId) {
		HttpResponse<String> response = call(() -> request("/users/" + userId).DELETE());
		if (response.statusCode() != 404) {
			expect(response, 204);
		}
	}

	@Override
	public void addRealmRole(UUID userId, String role) {
		JsonNode representation = role(role);
		expect(call(() -> request("/users/" + userId + "/role-mappings/realm")
			.POST(jsonBody(List.of(this.json.convertValue(representation, Map.class))))), 204);
	}

	@Override
	public void removeRealmRole(UUID userId, String role) {
		JsonNode representation = role(role);
		expect(call(() -> request("/users/" + userId + "/role-mappings/realm").method("DELETE",
				jsonBody(List.of(this.json.convertValue(representation, Map.class))))), 204);
	}

	@Override
	public void sendPasswordResetMail(UUID userId) {
		expect(call(() -> request("/users/" + userId + "/execute-actions-email?lifespan=3600")
			.PUT(jsonBody(List.of("UPDATE_PASSWORD")))), 204);
	}

	private JsonNode role(String role) {
		HttpResponse<String> response = call(() -> request("/roles/" + role).GET());
		expect(response, 200);
		return this.json.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest
			.newBuilder(URI.create(this.properties.url() + "/admin/realms/" + this.properties.realm() + path))
			.timeout(this.properties.timeout())
			.header("Authorization", "Bearer " + serviceToken())
			.header("Content-Type", "application/json");
	}

	private HttpRequest.BodyPublisher jsonBody(Object body) {
		return HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body));
	}

	private HttpResponse<String> call(Supplier<HttpRequest.Builder> request) {
		Supplier<HttpResponse<String>> attempt = () -> send(request.get().build());
		try {
			return CircuitBreaker.decorateSupplier(this.circuitBreaker, Retry.decorateSupplier(this.retry, attempt))
				.get();
		}
		catch (CallNotPermittedException ex) {
			throw new IdentityProviderUnavailableException("Keycloak is unavailable (circuit open)", ex);
		}
		catch (TransientFailure ex) {
			throw new IdentityProviderUnavailableException("Keycloak did not answer: " + ex.getMessage(), ex);
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 500) {
				throw new TransientFailure("HTTP " + response.statusCode());
			}
			if (response.statusCode() == 401) {
				this.token = null;
			}
			return response;
		}
		catch (IOException ex) {
			throw new TransientFailure(ex.getClass().getSimpleName() + " " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransientFailure("interrupted");
		}
	}

	private static void expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
					+ response.request().method() + " " + response.request().uri().getPath() + ": " + response.body());
		}
	}

	/**
	 * The service account's access token, fetched by client credentials and reused until
	 * shortly before it expires.
	 */
	private String serviceToken() {
		ServiceToken current = this.token;
		Instant now = this.clock.instant();
		if (current != null && now.isBefore(current.refreshAfter())) {
			return current.value();
		}
		String form = "grant_type=client_credentials&client_id="
				+ URLEncoder.encode(this.properties.clientId(), StandardCharsets.UTF_8) + "&client_secret="
				+ URLEncoder.encode(this.properties.clientSecret(), StandardCharsets.UTF_8);
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(
					this.properties.url() + "/realms/" + this.properties.realm() + "/protocol/openid-connect/token"))
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		expect(response, 200);
		JsonNode body = this.json.readTree(response.body());
		long expiresIn = body.get("expires_in").asLong();
		ServiceToken fresh = new ServiceToken(body.get("access_token").asString(),
				now.plusSeconds(Math.max(5, expiresIn - 30)));
		this.token = fresh;
		return fresh.value();
	}

	/** Which password rule Keycloak's policy refused, in words. */
	private String passwordRule(String body) {
		try {
			JsonNode error = this.json.readTree(body);
			String message = error.path("errorMessage").asString("");
			String description = error.path("error_description").asString("");
			return description.isBlank() ? message : description;
		}
		catch (RuntimeException ex) {
			return "the password does not meet the password policy";
		}
	}

	private record ServiceToken(String value, Instant refreshAfter) {
	}

	/** A network error or a 5xx: worth one retry, and counted by the circuit breaker. */
	private static final class TransientFailure extends RuntimeException {

		TransientFailure(String message) {
			super(message);
		}

	}

}
