package com.worklib.gateway;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Nothing a client sends can pose as an internal header: {@code X-User-*},
 * {@code X-Forwarded-*} and {@code Forwarded} from outside are dropped before routing
 * (services trust only the token). Every request gets a correlation id
 * ({@code X-Correlation-Id}: the client's if it is a plain token, a new UUID otherwise),
 * echoed on the response so a user can quote it to support.
 */
@Component
class InternalHeadersFilter implements GlobalFilter, Ordered {

	static final String CORRELATION_ID = "X-Correlation-Id";

	private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

	private static final String CLIENT_ADDRESS = InternalHeadersFilter.class.getName() + ".clientAddress";

	private final RemoteAddressResolver addressResolver;

	private final ClientAddressSeal seal;

	private final Propagator propagator;

	InternalHeadersFilter(GatewayProperties properties, ClientAddressSeal seal, ObjectProvider<Propagator> propagator) {
		this.seal = seal;
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
		this.addressResolver = properties.trustedProxies() > 0
				? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
				: new RemoteAddressResolver() {
				};
	}

	/**
	 * The client's address as seen before any client-sent header was dropped: the TCP
	 * peer, or the address the trusted proxies in front of the gateway recorded, or, for
	 * the API calls {@code web} makes for a page, the person's address this gateway
	 * sealed for that page ({@link ClientAddressSeal}).
	 */
	static String clientAddress(ServerWebExchange exchange) {
		String address = exchange.getAttribute(CLIENT_ADDRESS);
		return address != null ? address : "unknown";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		InetSocketAddress peer = this.addressResolver.resolve(exchange);
		if (peer != null && peer.getAddress() != null) {
			exchange.getAttributes().put(CLIENT_ADDRESS, peer.getAddress().getHostAddress());
		}
		// only the API calls web makes carry a seal; a page request is keyed by its own
		// address, whatever it sends
		if (exchange.getRequest().getPath().value().startsWith("/api/")) {
			this.seal.open(exchange.getRequest().getHeaders().getFirst(ClientAddressSeal.HEADER))
				.ifPresent(person -> exchange.getAttributes().put(CLIENT_ADDRESS, person));
		}
		String incoming = exchange.getRequest().getHeaders().getFirst(CORRELATION_ID);
		String correlationId = incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming
				: UUID.randomUUID().toString();
		ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
			headers.headerNames().stream().filter(name -> {
				String lower = name.toLowerCase(Locale.ROOT);
				return lower.startsWith("x-user-") || lower.startsWith("x-forwarded-") || lower.equals("forwarded")
						|| lower.equals("x-worklib-client-address");
			}).toList().forEach(headers::remove);
			headers.set(CORRELATION_ID, correlationId);
			Span span = serverSpan(exchange);
			if (span != null) {
				this.propagator.inject(span.context(), headers, HttpHeaders::set);
			}
		}).build();
		exchange.getResponse().getHeaders().set(CORRELATION_ID, correlationId);
		return chain.filter(exchange.mutate().request(request).build());
	}

	/**
	 * The span of this request's {@code http.server.requests} observation (a child of the
	 * client's {@code traceparent} when it sent one): the service's spans become its
	 * children. Spring Cloud Gateway's own client observation did this with a second
	 * observation per request (ADR 26).
	 */
	private static Span serverSpan(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map(context -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.orElse(null);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
