package com.worklib.stripe.emulator;

import java.time.Clock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A stateful emulator of the parts of Stripe's API that Worklib uses, served by WireMock
 * so the real {@code stripe-java} client talks to it unchanged: Connect accounts, account
 * links, transfers, the balance; idempotency keys as Stripe honours them; injected
 * failures; signed webhooks to one endpoint. Requests without a
 * {@code Authorization: Bearer sk_test_…} header are refused as Stripe refuses them.
 *
 * <p>
 * Control API for tests and demos (JSON): {@code POST /_emulator/webhook-endpoint {url,
 * secret}}, {@code POST /_emulator/accounts/{id}/complete-onboarding}, {@code POST
 * /_emulator/accounts/{id}/restrict {requirements?}}, {@code POST
 * /_emulator/accounts/{id}/payouts {status: paid|failed, failureCode?}}, {@code POST
 * /_emulator/transfers/{id}/reverse}, {@code POST /_emulator/failures
 * {endpoint: "POST /v1/transfers", error: rate_limit|api_error|timeout|insufficient_funds,
 * count, delayMillis?}}, {@code DELETE /_emulator/failures},
 * {@code GET /_emulator/transfers}, {@code GET /_emulator/events}, {@code POST
 * /_emulator/events/{id}/resend}, {@code POST /_emulator/balance {available}}.
 */
public class StripeEmulator implements AutoCloseable {

	public static final int DEFAULT_PORT = 12111;

	/**
	 * The webhook signing secret of the local stack and the tests (not a real secret).
	 */
	public static final String DEFAULT_WEBHOOK_SECRET = "whsec_worklib_emulator";

	private final WireMockServer server;

	private final Webhooks webhooks;

	private final StripeState state;

	public StripeEmulator(int port) {
		this(port, null, DEFAULT_WEBHOOK_SECRET, Clock.systemUTC());
	}

	/**
	 * @param webhookUrl where signed events go; null until {@link #webhookEndpoint} is
	 * called
	 */
	public StripeEmulator(int port, String webhookUrl, String webhookSecret, Clock clock) {
		this(port, "127.0.0.1", webhookUrl, webhookSecret, clock);
	}

	/**
	 * @param bindAddress 0.0.0.0 in a container, loopback everywhere else
	 */
	public StripeEmulator(int port, String bindAddress, String webhookUrl, String webhookSecret, Clock clock) {
		ShiftableClock shiftable = new ShiftableClock(clock);
		StripeState state = new StripeState(shiftable);
		this.state = state;
		this.webhooks = new Webhooks(shiftable, webhookUrl, webhookSecret);
		this.server = new WireMockServer(WireMockConfiguration.options()
			.port(port)
			.bindAddress(bindAddress)
			.disableRequestJournal()
			.containerThreads(24)
			.extensions(new StripeApi(state, this.webhooks, shiftable, this::baseUrl)));
	}

	public StripeEmulator start() {
		this.server.start();
		this.server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(500)));
		return this;
	}

	public int port() {
		return this.server.port();
	}

	/** The base URL to give {@code StripeClient.builder().setApiBase(…)}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** Where signed webhook events are delivered from now on. */
	public void webhookEndpoint(String url, String secret) {
		this.webhooks.configure(url, secret);
	}

	/**
	 * An Express account that finished onboarding, without a webhook: seeds demos and
	 * benchmarks.
	 * @return its id
	 */
	public String createEnabledAccount(String email) {
		String id = this.state.createAccount("express", "FR", email, java.util.Map.of()).id;
		this.state.completeOnboarding(id);
		return id;
	}

	/** The transfer group of every transfer held, in creation order. */
	public java.util.List<String> transferGroups() {
		return this.state.transfers().stream().map(t -> t.transferGroup).toList();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/**
	 * {@code java -jar … [port] [webhook url] [webhook secret]}: what
	 * {@code ./worklib up} and the benchmarks start.
	 */
	public static void main(String[] args) throws InterruptedException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
		String webhookUrl = args.length > 1 ? args[1] : null;
		String secret = args.length > 2 ? args[2] : DEFAULT_WEBHOOK_SECRET;
		String bind = System.getenv().getOrDefault("STRIPE_EMULATOR_BIND", "127.0.0.1");
		StripeEmulator emulator = new StripeEmulator(port, bind, webhookUrl, secret, Clock.systemUTC()).start();
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
		System.out.println("Stripe emulator listening on " + emulator.baseUrl());
		Thread.currentThread().join();
	}

}
