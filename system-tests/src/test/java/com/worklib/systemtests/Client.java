package com.worklib.systemtests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client app does: HTTP through the gateway with a bearer token, honouring 429
 * {@code Retry-After} like a well-behaved client.
 */
final class Client {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** An answer: status, content type and body. */
	record Response(int status, String contentType, byte[] bytes) {

		String body() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return JSON.readTree(body());
		}

	}

	private final String token;

	private Client(String token) {
		this.token = token;
	}

	static Client anonymous() {
		return new Client(null);
	}

	/**
	 * Logs in with a password through the gateway (the scripts' and tests' way; apps use
	 * PKCE).
	 */
	static Client login(String email, String password) {
		String form = "grant_type=password&client_id=worklib-cli&username=" + encode(email) + "&password="
				+ encode(password);
		Response response = send(HttpRequest
			.newBuilder(URI.create(Platform.GATEWAY + "/auth/realms/worklib/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), null);
		if (response.status() != 200) {
			throw new IllegalStateException(
					"Login of " + email + " failed: " + response.status() + " " + response.body());
		}
		return new Client(response.json().get("access_token").asString());
	}

	/** The bearer token this client sends. */
	String token() {
		return this.token;
	}

	Response get(String path) {
		return send(request(path).GET(), this.token);
	}

	Response get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET(), this.token);
	}

	Response post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").POST(json(body)), this.token);
	}

	Response post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)),
				this.token);
	}

	Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").PUT(json(body)), this.token);
	}

	/** GET a JSON answer that must be 200. */
	JsonNode read(String path) {
		Response response = get(path);
		if (response.status() != 200) {
			throw new AssertionError("GET " + path + " -> " + response.status() + " " + response.body());
		}
		return response.json();
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : Platform.GATEWAY + path))
			.timeout(Duration.ofSeconds(60));
	}

	private static HttpRequest.BodyPublisher json(Object body) {
		return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
	}

	private static Response send(HttpRequest.Builder builder, String token) {
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		HttpRequest request = builder.build();
		for (int attempt = 0;; attempt++) {
			try {
				HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() == 429 && attempt < 10) {
					long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
					Thread.sleep(Duration.ofSeconds(Math.max(1, wait)));
					continue;
				}
				return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.body());
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
