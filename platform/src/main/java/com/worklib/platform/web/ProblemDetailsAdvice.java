package com.worklib.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.worklib.platform.domain.DomainException;
import com.worklib.platform.domain.FieldError;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.messaging.TransientFailures;

/**
 * Turns every exception a controller lets through into {@code application/problem+json}.
 * Validation failures list each field; unreadable bodies say which property or value is
 * wrong; anything unexpected is a 500 with no stack trace and no exception message.
 */
@RestControllerAdvice
@Order(0)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(ex.type());
		problem.setTitle(ex.status().getReasonPhrase());
		return ResponseEntity.status(ex.status()).body(problem);
	}

	/**
	 * A feature's refusal: its kind chooses the status (404, 403, 409, 410, 422), its
	 * type and detail pass through.
	 */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		HttpStatus status = status(ex.refusal());
		ProblemDetail problem = Problems.of(status, ex.type(), status.getReasonPhrase(), ex.getMessage());
		return ResponseEntity.status(status).body(problem);
	}

	static HttpStatus status(DomainException.Refusal refusal) {
		return switch (refusal) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case GONE -> HttpStatus.GONE;
			case RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

	@ExceptionHandler(FieldValidationException.class)
	ResponseEntity<ProblemDetail> fieldValidation(FieldValidationException ex) {
		return ResponseEntity.badRequest().body(Problems.validation(ex.getMessage(), ex.errors()));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.sorted(Comparator.comparing(FieldError::field))
			.toList();
		return ResponseEntity.badRequest().body(Problems.validation(summary(errors), errors));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this"));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
					"A valid bearer token is required"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		List<FieldError> errors = List.of(new FieldError(ex.getName(), "has an invalid value '" + ex.getValue() + "'"));
		return ResponseEntity.badRequest().body(Problems.validation(summary(errors), errors));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (TransientFailures.isTransient(ex)) {
			return unavailable(ex);
		}
		log.error("Unhandled exception", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal Server Error",
					"An unexpected error occurred; it has been logged"));
	}

	/**
	 * The database (or another dependency) is away or refused for a moment: the client is
	 * told to retry, and the transaction was rolled back, so nothing was half-written.
	 */
	private static ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		log.warn("A dependency is unavailable: {}", ex.toString());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Service Unavailable",
					"The service cannot reach its database right now; nothing was saved. Try again in a few seconds."));
	}

	private static final String RETRY_AFTER_SECONDS = "5";

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
			.sorted(Comparator.comparing(FieldError::field))
			.collect(Collectors.toList());
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
		return ResponseEntity.badRequest().body(Problems.validation(summary(errors), errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(e -> new FieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(Problems.validation(summary(errors), errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		DatabindException databind = databindCause(ex);
		List<FieldError> errors;
		String detail;
		if (databind instanceof UnrecognizedPropertyException unknown) {
			errors = List.of(new FieldError(path(unknown), "is not a known property"));
			detail = "Unknown property '" + unknown.getPropertyName() + "'";
		}
		else if (databind instanceof InvalidFormatException invalid) {
			errors = List.of(new FieldError(path(invalid), "has an invalid value '" + invalid.getValue() + "'"));
			detail = summary(errors);
		}
		else if (databind != null && !databind.getPath().isEmpty()) {
			errors = List.of(new FieldError(path(databind), "has the wrong type or format"));
			detail = summary(errors);
		}
		else {
			errors = List.of();
			detail = "The request body is missing or is not valid JSON";
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed", "Malformed request", detail);
		problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getType() != null
				&& "about:blank".equals(problem.getType().toString())) {
			problem.setType(Problems.type("http-" + statusCode.value()));
		}
		return response;
	}

	/** The first Jackson binding error in the chain: it knows which property failed. */
	private static DatabindException databindCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DatabindException databind) {
				return databind;
			}
		}
		return null;
	}

	private static String path(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.indexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	private static String summary(List<FieldError> errors) {
		return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
	}

}
