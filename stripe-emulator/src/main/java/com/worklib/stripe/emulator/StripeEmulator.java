package com.worklib.stripe.emulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Answers Stripe API requests with Stripe's response shapes. Requests without a
 * {@code Authorization: Bearer sk_test_…} header are refused as Stripe refuses them. This
 * is the skeleton: accounts, account links and transfers; webhooks and failure modes come
 * with payments.
 */
public class StripeEmulator implements AutoCloseable {

	public static final int DEFAULT_PORT = 12111;

	private final WireMockServer server;

	public StripeEmulator(int port) {
		this.server = new WireMockServer(WireMockConfiguration.options()
			.port(port)
			.bindAddress("127.0.0.1")
			.globalTemplating(true)
			.disableRequestJournal()
			.containerThreads(16));
	}

	public StripeEmulator start() {
		this.server.start();
		stubApi();
		return this;
	}

	public int port() {
		return this.server.port();
	}

	/** The base URL to give {@code StripeClient.builder().setApiBase(…)}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	public WireMockServer wireMock() {
		return this.server;
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private void stubApi() {
		this.server.stubFor(WireMock.any(WireMock.anyUrl())
			.atPriority(10)
			.willReturn(json(404, StripeShapes.error("invalid_request_error", "resource_missing",
					"Unrecognized request URL ({{request.method}}: {{request.path}})."))));
		this.server.stubFor(WireMock.any(WireMock.anyUrl())
			.atPriority(1)
			.withHeader("Authorization", WireMock.notMatching("Bearer sk_test_.+"))
			.willReturn(json(401, StripeShapes.error("invalid_request_error", null,
					"Invalid API Key provided. The emulator accepts sk_test_ keys only."))));
		this.server.stubFor(
				post(urlPathEqualTo("/v1/accounts")).atPriority(5).willReturn(json(200, StripeShapes.newAccount())));
		this.server.stubFor(get(urlPathMatching("/v1/accounts/acct_[A-Za-z0-9]+")).atPriority(5)
			.willReturn(json(200, StripeShapes.existingAccount())));
		this.server.stubFor(post(urlPathEqualTo("/v1/account_links")).atPriority(5)
			.willReturn(json(200, StripeShapes.accountLink(baseUrl()))));
		this.server.stubFor(
				post(urlPathEqualTo("/v1/transfers")).atPriority(5).willReturn(json(200, StripeShapes.transfer())));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", "req_{{randomValue length=14 type='ALPHANUMERIC'}}")
			.withBody(body);
	}

	public static void main(String[] args) throws InterruptedException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
		StripeEmulator emulator = new StripeEmulator(port).start();
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
		System.out.println("Stripe emulator listening on " + emulator.baseUrl());
		Thread.currentThread().join();
	}

}
