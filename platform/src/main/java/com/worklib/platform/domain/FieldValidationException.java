package com.worklib.platform.domain;

import java.util.List;

/**
 * Input refused field by field (a 400 problem with one entry per field), for rules bean
 * validation cannot express (a known time zone, a valid phone number, opening hours that
 * do not overlap).
 */
public class FieldValidationException extends RuntimeException {

	private final List<FieldError> errors;

	public FieldValidationException(List<FieldError> errors) {
		super(String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()));
		this.errors = List.copyOf(errors);
	}

	public static FieldValidationException of(String field, String message) {
		return new FieldValidationException(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
