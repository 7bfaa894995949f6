package com.worklib.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when the service fails: 504 when it did not
 * answer within the route's timeout, 503 when it cannot be reached or its circuit is open
 * (the client is told right away instead of waiting for a dead service).
 */
@RestController
class FallbackController {

	private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

	static final String PATH = "/gateway/fallback";

	@RequestMapping(PATH)
	Mono<Void> fallback(ServerWebExchange exchange) {
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String service = route != null ? route.getId() : "the";
		log.warn("{} {} failed on route {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				service, failure != null ? failure.toString() : "unknown");
		if (failure != null && GatewayErrorHandler.statusOf(failure) == HttpStatus.GATEWAY_TIMEOUT) {
			return GatewayProblems.write(exchange.getResponse(), HttpStatus.GATEWAY_TIMEOUT,
					"The " + service + " service did not answer in time; retry later");
		}
		String detail = failure instanceof CallNotPermittedException
				? "The " + service + " service is failing; calls are paused for a few seconds, retry later"
				: "The " + service + " service is unavailable; retry later";
		return GatewayProblems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, detail);
	}

}
