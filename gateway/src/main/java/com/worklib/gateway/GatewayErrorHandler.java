package com.worklib.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.server.WebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Errors raised inside the gateway (no route: 404, unreachable service: 503, timeout:
 * 504, anything unexpected: 500) answer as problem details, never as Boot's default error
 * JSON and never with a stack trace.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode status = statusOf(ex);
		if (status.is5xxServerError()) {
			log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					status.value(), ex.toString());
		}
		return GatewayProblems.write(exchange.getResponse(), status, GatewayProblems.defaultDetail(status.value()));
	}

	static HttpStatusCode statusOf(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ResponseStatusException rse) {
				return rse.getStatusCode();
			}
			if (t instanceof HttpStatusCodeException hsce) {
				return hsce.getStatusCode();
			}
			if (t instanceof TimeoutException) {
				return HttpStatus.GATEWAY_TIMEOUT;
			}
			if (t instanceof ConnectException || t instanceof java.io.IOException) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
