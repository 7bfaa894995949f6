package com.worklib.gateway;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The gateway's own error bodies: RFC 9457 problem details shaped like every service's
 * ({@code type}, {@code title}, {@code status}, {@code detail}).
 */
final class GatewayProblems {

	static final String TYPE_BASE = "https://docs.worklib.example/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GatewayProblems() {
	}

	static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String detail) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().remove("Content-Length");
		if (status.value() == 401) {
			response.getHeaders().set("WWW-Authenticate", "Bearer");
		}
		DataBuffer buffer = response.bufferFactory().wrap(body(status, detail));
		return response.writeWith(Mono.just(buffer));
	}

	static byte[] body(HttpStatusCode status, String detail) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String title = known != null ? known.getReasonPhrase() : "Error";
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_BASE + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		return JSON.writeValueAsBytes(problem);
	}

	/** The detail a client gets for a gateway-made error without its own words. */
	static String defaultDetail(int status) {
		return switch (status) {
			case 401 -> "A valid bearer token is required";
			case 403 -> "You are not allowed to do this";
			case 404 -> "No API resource at this path";
			case 405 -> "This method is not allowed on this path";
			case 413 -> "The request body is larger than this endpoint accepts";
			case 429 -> "Too many requests; retry after the number of seconds in Retry-After";
			case 503 -> "The service is temporarily unavailable; retry later";
			case 504 -> "The service did not answer in time; retry later";
			default -> "The request could not be handled";
		};
	}

}
