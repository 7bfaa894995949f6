package com.worklib.platform.domain;

import java.util.Map;

/** One field of a request that is wrong, and what is wrong with it. */
public record FieldError(String field, String message) {

	public Map<String, String> asMap() {
		return Map.of("field", this.field, "message", this.message);
	}

}
