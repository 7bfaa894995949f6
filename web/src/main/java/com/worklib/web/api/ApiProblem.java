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

	/** The last segment of the problem's type: {@code last-owner}, {@code link-gone}. */
	public String slug() {
		return this.type.substring(this.type.lastIndexOf('/') + 1);
	}

	/**
	 * Puts each field error next to its field on the form ({@code fields} it has, by the
	 * API's name); what names no field of the form becomes a message for the whole form.
	 * The message is the page's own for that API field ({@code api.<field>} in the
	 * message bundles) when it has one, so it reads in the person's language; the API's
	 * words otherwise.
	 */
	public void reject(org.springframework.validation.BindingResult form, java.util.Map<String, String> fields) {
		boolean placed = false;
		for (FieldError error : this.errors) {
			String field = fields.get(error.field());
			if (field != null) {
				form.rejectValue(field, "api." + error.field(), error.message());
				placed = true;
			}
		}
		if (!placed) {
			form.reject("problem." + slug(), getMessage());
		}
	}

	/**
	 * {@link #reject(org.springframework.validation.BindingResult, java.util.Map)} for
	 * forms that name their fields as the API does.
	 */
	public void reject(org.springframework.validation.BindingResult form, java.util.Set<String> fields) {
		java.util.Map<String, String> same = new java.util.HashMap<>();
		fields.forEach(f -> same.put(f, f));
		reject(form, same);
	}

}
