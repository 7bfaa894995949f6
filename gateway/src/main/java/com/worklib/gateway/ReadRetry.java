package com.worklib.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * A {@code GET} that a service answered 502 or 503, or that failed on the connection, is
 * sent again, twice at most, 50 ms then 100 ms later: a rolling restart or a replica
 * dying between two requests costs a reader nothing. Every other method passes through
 * untouched: only a read is safe to send twice.
 * <p>
 * Spring Cloud Gateway's {@code Retry} filter does the same but, for every method, reads
 * the whole request body into memory first so that it could be sent again; that happened
 * before the route's size limit and cost a share of every request's CPU (ADR 26).
 */
final class ReadRetry implements GatewayFilter {

	static final int RETRIES = 2;

	static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		return attempt(exchange, chain, 0);
	}

	private static Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retry) {
		Mono<Void> sent = chain.filter(exchange);
		if (retry == RETRIES) {
			return sent;
		}
		return sent
			.then(Mono.fromSupplier(
					() -> retryable(exchange.getResponse().getStatusCode()) && !exchange.getResponse().isCommitted()))
			.onErrorResume(ReadRetry::retryable, ex -> Mono.just(true))
			.flatMap(again -> again ? again(exchange, chain, retry) : Mono.empty());
	}

	private static Mono<Void> again(ServerWebExchange exchange, GatewayFilterChain chain, int retry) {
		// the failed attempt's connection is released, its response headers dropped
		ServerWebExchangeUtils.reset(exchange);
		exchange.getResponse().setStatusCode(null);
		return Mono.delay(FIRST_BACKOFF.multipliedBy(1L << retry))
			.then(Mono.defer(() -> attempt(exchange, chain, retry + 1)));
	}

	private static boolean retryable(HttpStatusCode status) {
		return status != null && (status.value() == HttpStatus.BAD_GATEWAY.value()
				|| status.value() == HttpStatus.SERVICE_UNAVAILABLE.value());
	}

	private static boolean retryable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
