package com.worklib.platform.web;

import java.util.List;

/**
 * A 400 with one entry per field that is wrong, for rules bean validation cannot express
 * (a known time zone, a valid phone number, opening hours that do not overlap).
 */
public class FieldValidationException extends RuntimeException {

	private final List<Problems.FieldError> errors;

	public FieldValidationException(List<Problems.FieldError> errors) {
		super(String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()));
		this.errors = List.copyOf(errors);
	}

	public static FieldValidationException of(String field, String message) {
		return new FieldValidationException(List.of(new Problems.FieldError(field, message)));
	}

	public List<Problems.FieldError> errors() {
		return this.errors;
	}

}
