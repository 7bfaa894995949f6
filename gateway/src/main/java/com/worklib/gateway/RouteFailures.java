package com.worklib.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a client is told when a route's service fails, just outside the route's circuit
 * breaker: 504 when it did not answer within the route's timeout, 503 when it cannot be
 * reached, refuses more calls, or its circuit is open (the client is told right away
 * instead of waiting for a dead service), as problem details.
 * <p>
 * The circuit breaker's own fallback ({@code forward:} to a controller) made Spring Cloud
 * Gateway read every request body of the route into memory first, whatever its size, so
 * that the forward could replay it: a chunked body that never ended filled the gateway's
 * memory (ADR 26).
 */
final class RouteFailures implements GatewayFilter {

	private static final Logger log = LoggerFactory.getLogger(RouteFailures.class);

	private final String service;

	RouteFailures(String service) {
		this.service = service;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return chain.filter(exchange)
			.onErrorResume(failure -> !exchange.getResponse().isCommitted(), failure -> answer(exchange, failure));
	}

	private Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
		log.warn("{} {} failed on route {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				this.service, failure.toString());
		if (GatewayErrorHandler.statusOf(failure) == HttpStatus.GATEWAY_TIMEOUT) {
			return GatewayProblems.write(exchange.getResponse(), HttpStatus.GATEWAY_TIMEOUT,
					"The " + this.service + " service did not answer in time; retry later");
		}
		// the circuit breaker answers an open circuit with this exception
		String detail = failure instanceof ServiceUnavailableException
				? "The " + this.service + " service is failing; calls are paused for a few seconds, retry later"
				: "The " + this.service + " service is unavailable; retry later";
		return GatewayProblems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, detail);
	}

}
