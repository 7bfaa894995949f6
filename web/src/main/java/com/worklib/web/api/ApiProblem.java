package com.worklib.web.api;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClientResponseException;

/**
 * An RFC 9457 problem the API answered, with its field errors, so a page can show each
 * message next to the field it names.
 */
public class ApiProblem extends RuntimeException {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int status;

	private final String type;

	private final List<FieldError> errors;

	public record FieldError(String field, String message) {
	}

	ApiProblem(int status, String type, String detail, List<FieldError> errors) {
		super(detail);
		this.status = status;
		this.type = type;
		this.errors = List.copyOf(errors);
	}

	static ApiProblem from(RestClientResponseException ex) {
		List<FieldError> errors = new ArrayList<>();
		String detail = ex.getStatusText();
		String type = "";
		try {
			JsonNode body = JSON.readTree(ex.getResponseBodyAsString());
			detail = body.path("detail").asString(detail);
			type = body.path("type").asString("");
			for (JsonNode error : body.path("errors")) {
				errors.add(new FieldError(error.path("field").asString(""), error.path("message").asString("")));
			}
		}
		catch (RuntimeException notJson) {
			// a gateway or proxy error without a problem body: the status says enough
		}
		return new ApiProblem(ex.getStatusCode().value(), type, detail, errors);
	}

	public int status() {
		return this.status;
	}

	public String type() {
		return this.type;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * Puts each field error next to its field on the form ({@code fields} it has); what
	 * names no field of the form becomes a message for the whole form.
	 */
	public void reject(org.springframework.validation.BindingResult form, java.util.Set<String> fields) {
		boolean placed = false;
		for (FieldError error : this.errors) {
			if (fields.contains(error.field())) {
				form.rejectValue(error.field(), "api", error.message());
				placed = true;
			}
		}
		if (!placed) {
			form.reject("api", getMessage());
		}
	}

}
