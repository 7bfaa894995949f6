package com.worklib.gateway;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * A route's request body limit, whatever the framing. A body with a
 * {@code Content-Length} above the limit is refused before it is read, as Spring Cloud's
 * {@code RequestSize} filter does; a body without one (chunked) is read up to the limit
 * and forwarded with its length, or refused with 413 once it passes the limit, before
 * anything reaches the service. Holding a chunked body costs at most the limit in memory
 * per request (1 MB by default); clients that know their size stream it.
 */
final class BodySizeLimit implements GatewayFilter {

	private final DataSize max;

	BodySizeLimit(DataSize max) {
		this.max = max;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		long length = headers.getContentLength();
		if (length > this.max.toBytes()) {
			return tooLarge(exchange);
		}
		if (length >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange);
		}
		int limit = (int) Math.min(Integer.MAX_VALUE, this.max.toBytes());
		return DataBufferUtils.join(request.getBody(), limit)
			.map(body -> new Buffered(request, body))
			.defaultIfEmpty(new Buffered(request, null))
			.flatMap(buffered -> chain.filter(exchange.mutate().request(buffered).build()))
			.onErrorResume(DataBufferLimitException.class, ex -> tooLarge(exchange));
	}

	private static Mono<Void> tooLarge(ServerWebExchange exchange) {
		return GatewayProblems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE,
				GatewayProblems.defaultDetail(413));
	}

	/** The body read in full, forwarded with its length instead of chunks. */
	private static final class Buffered extends ServerHttpRequestDecorator {

		private final DataBuffer body;

		private final HttpHeaders headers;

		Buffered(ServerHttpRequest request, DataBuffer body) {
			super(request);
			this.body = body;
			this.headers = new HttpHeaders();
			this.headers.putAll(request.getHeaders());
			this.headers.remove(HttpHeaders.TRANSFER_ENCODING);
			this.headers.setContentLength(body == null ? 0 : body.readableByteCount());
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return this.body == null ? Flux.empty() : Flux.just(this.body);
		}

	}

}
