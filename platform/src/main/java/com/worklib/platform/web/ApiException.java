package com.worklib.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A refusal that only makes sense in HTTP (a body too large, a bad webhook signature, no
 * bearer token), raised by {@code web} code: its status, a stable type and a detail that
 * names what is wrong. Features refuse with {@code platform.domain}'s exceptions instead.
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

}
