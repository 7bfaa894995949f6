package com.worklib.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import com.worklib.platform.domain.FieldError;

/** Builds the problem details every Worklib service answers with. */
public final class Problems {

	public static final String TYPE_BASE = "https://docs.worklib.example/problems/";

	private Problems() {
	}

	public static URI type(String slug) {
		return URI.create(TYPE_BASE + slug);
	}

	public static ProblemDetail of(HttpStatusCode status, String typeSlug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(typeSlug));
		problem.setTitle(title);
		return problem;
	}

	public static ProblemDetail validation(String detail, List<FieldError> errors) {
		ProblemDetail problem = of(HttpStatusCode.valueOf(400), "validation", "Invalid request", detail);
		problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
		return problem;
	}

}
