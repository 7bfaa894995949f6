package com.worklib.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A refusal the client should see as problem details: its status, a stable type and a
 * detail that names what is wrong.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	public ApiException(HttpStatus status, String type, String detail) {
		super(detail);
		this.status = status;
		this.type = type;
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return Problems.type(this.type);
	}

	/** 404: unknown, or not visible to the caller. */
	public static ApiException notFound(String what) {
		return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " was not found");
	}

	/** 403: the caller may see the resource but not do this. */
	public static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
	}

	/** 409: the resource is in a state that does not allow this, or a slot is taken. */
	public static ApiException conflict(String detail) {
		return new ApiException(HttpStatus.CONFLICT, "conflict", detail);
	}

	/** 422: a business rule refuses the request. */
	public static ApiException unprocessable(String type, String detail) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, type, detail);
	}

}
