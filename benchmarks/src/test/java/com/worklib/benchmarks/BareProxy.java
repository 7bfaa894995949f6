package com.worklib.benchmarks;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * A reverse proxy on the gateway's HTTP stack (reactor-netty's server and pooled client)
 * and nothing else: no token check, limit, breaker, header rule or Spring. What
 * {@code GatewayLatencyBenchmark -Dbenchmark.floor=true} measures beside the gateway, as
 * the least any proxy built on this stack costs per request (ADR 26). Run as its own JVM:
 * {@code BareProxy <port> <target base URL>}.
 */
public final class BareProxy {

	private BareProxy() {
	}

	public static void main(String[] args) {
		HttpClient client = HttpClient.create().baseUrl(args[1]);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(Integer.parseInt(args[0]))
			.handle((request, response) -> client.headers(headers -> {
				headers.add(request.requestHeaders());
				headers.remove(HttpHeaderNames.HOST);
				headers.remove(HttpHeaderNames.CONNECTION);
			})
				.request(request.method())
				.uri(request.uri())
				.send(request.receive().retain())
				.response((answer, body) -> {
					response.status(answer.status());
					response.headers(answer.responseHeaders());
					return response.send(body.retain());
				})
				.then())
			.bindNow();
		System.out.println("BareProxy listening on " + server.port());
		server.onDispose().block();
	}

}
