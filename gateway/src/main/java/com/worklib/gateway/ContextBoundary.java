package com.worklib.gateway;

import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Points that hold the Reactor context themselves: the innermost web filter (routing and
 * the route's filters run below it) and the last gateway filter before the HTTP client
 * (the call to the service runs below it). Without them, operators subscribed, or
 * discarding a value, while a request is routed look the context up through every
 * subscriber above them, the security filters' and every gateway filter's included: 7.6 %
 * of the gateway's CPU was {@code currentContext()} walking those chains (ADR 26). The
 * context is the same, read once at each point.
 */
@Component
class ContextBoundary implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).contextWrite(Function.identity());
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Just before the routing filters (Netty's, WebSocket's, forward's). */
	@Component
	static class BeforeTheCall implements GlobalFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			return chain.filter(exchange).contextWrite(Function.identity());
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 2;
		}

	}

}
