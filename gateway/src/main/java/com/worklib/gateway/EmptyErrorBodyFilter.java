package com.worklib.gateway;

import java.util.concurrent.atomic.AtomicBoolean;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gateway filters that refuse a request (rate limit 429, request size 413, CORS 403)
 * complete the response without a body; a client then gets a problem+json body like every
 * other error. Responses relayed from a service are written, never just completed, so
 * they pass untouched.
 */
@Component
class EmptyErrorBodyFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getMethod() == HttpMethod.HEAD) {
			return chain.filter(exchange);
		}
		ProblemOnEmptyError response = new ProblemOnEmptyError(exchange.getResponse());
		// a filter that refuses without completing (CORS) leaves the completion to the
		// server, after the chain: the body is added here then
		return chain.filter(exchange.mutate().response(response).build())
			.then(Mono.defer(response::completeIfEmptyError));
	}

	@Override
	public int getOrder() {
		// outside Spring Security (-100) so that CORS refusals are covered too
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	static final class ProblemOnEmptyError extends ServerHttpResponseDecorator {

		private final AtomicBoolean bodyWritten = new AtomicBoolean();

		ProblemOnEmptyError(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			this.bodyWritten.set(true);
			return super.writeWith(body);
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			this.bodyWritten.set(true);
			return super.writeAndFlushWith(body);
		}

		@Override
		public Mono<Void> setComplete() {
			return isEmptyError() ? writeProblem() : super.setComplete();
		}

		Mono<Void> completeIfEmptyError() {
			return isEmptyError() ? writeProblem() : Mono.empty();
		}

		private boolean isEmptyError() {
			HttpStatusCode status = getStatusCode();
			return status != null && status.isError() && !this.bodyWritten.get() && !isCommitted();
		}

		private Mono<Void> writeProblem() {
			this.bodyWritten.set(true);
			HttpStatusCode status = getStatusCode();
			return GatewayProblems.write(getDelegate(), status, GatewayProblems.defaultDetail(status.value()));
		}

	}

}
