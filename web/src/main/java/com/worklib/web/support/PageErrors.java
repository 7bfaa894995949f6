package com.worklib.web.support;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import com.worklib.web.api.ApiProblem;

/**
 * What the API refuses that no form handles becomes a page: its 404 (someone else's
 * partner, an unknown id) is our 404 page, its 403 ours, and anything else an error page
 * that says to try again, never a stack trace.
 */
@ControllerAdvice
class PageErrors {

	@ExceptionHandler(ApiProblem.class)
	String problem(ApiProblem problem, Model model, jakarta.servlet.http.HttpServletResponse response) {
		HttpStatus status = switch (problem.status()) {
			case 404 -> HttpStatus.NOT_FOUND;
			case 403 -> HttpStatus.FORBIDDEN;
			case 401 -> HttpStatus.UNAUTHORIZED;
			default -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		return "error";
	}

}
