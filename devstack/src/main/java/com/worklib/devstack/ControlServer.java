package com.worklib.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The launcher's own control endpoint on loopback, behind {@code ./worklib stop SERVICE}
 * and {@code ./worklib start SERVICE} (failure drills): the launcher stays the one owner
 * of every process it started, so {@code ./worklib down} stops a restarted service too.
 * Only {@code POST /services/{name}/stop|kill|start}, one request at a time.
 */
final class ControlServer implements AutoCloseable {

	static final int PORT = 8099;

	private static final Pattern PATH = Pattern.compile("^/services/([a-z-]{1,40})/(stop|kill|start)$");

	private final DevStack stack;

	private HttpServer server;

	ControlServer(DevStack stack) {
		this.stack = stack;
	}

	ControlServer start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
		this.server.setExecutor(Executors.newSingleThreadExecutor());
		this.server.createContext("/services/", this::handle);
		this.server.start();
		return this;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
			if (!"POST".equals(exchange.getRequestMethod()) || !m.matches()) {
				answer(exchange, 404, "POST /services/{name}/stop, /kill or /start\n");
				return;
			}
			String name = m.group(1);
			if (!this.stack.knows(name)) {
				answer(exchange, 404, "no service " + name + "\n");
				return;
			}
			try {
				if ("stop".equals(m.group(2))) {
					this.stack.stopService(name);
					answer(exchange, 200, name + " stopped\n");
				}
				else if ("kill".equals(m.group(2))) {
					this.stack.killService(name);
					answer(exchange, 200, name + " killed\n");
				}
				else {
					this.stack.startService(name);
					answer(exchange, 200, name + " ready\n");
				}
			}
			catch (IllegalArgumentException ex) {
				answer(exchange, 400, ex.getMessage() + "\n");
			}
			catch (RuntimeException | IOException ex) {
				answer(exchange, 500, name + ": " + ex.getMessage() + "\n");
			}
		}
	}

	private static void answer(HttpExchange exchange, int status, String text) throws IOException {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

}
