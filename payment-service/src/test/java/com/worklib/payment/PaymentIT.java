package com.worklib.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.InvoicePayload;
import com.worklib.payment.provider.PaymentProvider;
import com.worklib.payment.provider.StripePaymentProvider;
import com.worklib.payment.provider.StripeProperties;
import com.worklib.platform.test.Callers;
import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.StripeSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.platform.test.WithStripeEmulator;
import com.worklib.platform.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Shared by payment integration tests: the service on a real port (the Stripe emulator
 * delivers signed webhooks to it), a movable clock, partners, invoices, runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "worklib.stripe.read-timeout=1s", "worklib.stripe.initial-backoff=50ms",
				"worklib.payment.lease=3s",
				// failures injected on purpose add up across tests; the breaker has its
				// own test
				"worklib.stripe.breaker-minimum-calls=100000" })
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
@WithStripeEmulator
@Import(PaymentIT.Config.class)
public abstract class PaymentIT {

	public static final String API = "/api/payments/v1";

	public static final UUID OPS = UUID.randomUUID();

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MovableClock clock;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected KafkaTemplate<String, String> kafka;

	@Autowired
	protected CrashingProvider provider;

	@LocalServerPort
	int port;

	@TestConfiguration
	public static class Config {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Clock.systemUTC());
		}

		@Bean
		@Primary
		CrashingProvider crashingProvider(StripeProperties properties) {
			return new CrashingProvider(new StripePaymentProvider(properties));
		}

	}

	/**
	 * The real Stripe adapter, which can be told to "crash" right after Stripe accepted a
	 * transfer and before the service stored the result: the process dying at the worst
	 * moment.
	 */
	public static class CrashingProvider implements PaymentProvider {

		private final PaymentProvider delegate;

		public final AtomicBoolean crashAfterNextTransfer = new AtomicBoolean();

		CrashingProvider(PaymentProvider delegate) {
			this.delegate = delegate;
		}

		@Override
		public AccountState createConnectedAccount(UUID partnerId) {
			return this.delegate.createConnectedAccount(partnerId);
		}

		@Override
		public OnboardingLink createOnboardingLink(String accountId, String refreshUrl, String returnUrl) {
			return this.delegate.createOnboardingLink(accountId, refreshUrl, returnUrl);
		}

		@Override
		public AccountState retrieveAccount(String accountId) {
			return this.delegate.retrieveAccount(accountId);
		}

		@Override
		public TransferOutcome transfer(TransferRequest request) {
			TransferOutcome outcome = this.delegate.transfer(request);
			if (this.crashAfterNextTransfer.getAndSet(false)) {
				throw new IllegalStateException("simulated crash after Stripe answered " + outcome);
			}
			return outcome;
		}

		@Override
		public java.util.Optional<String> findTransfer(String transferGroup, UUID attemptId) {
			return this.delegate.findTransfer(transferGroup, attemptId);
		}

	}

	/** A partner with an OWNER. */
	public record Partner(UUID partnerId, UUID owner) {
	}

	@BeforeEach
	void pointTheEmulatorHere() throws Exception {
		StripeSupport.emulator()
			.webhookEndpoint("http://127.0.0.1:" + this.port + API + "/stripe/webhooks",
					StripeSupport.TEST_WEBHOOK_SECRET);
		emulator("DELETE", "/_emulator/failures", "");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	protected Partner partner() {
		Partner partner = new Partner(UUID.randomUUID(), UUID.randomUUID());
		member(partner.partnerId(), partner.owner(), "OWNER");
		return partner;
	}

	protected void member(UUID partnerId, UUID userId, String role) {
		Callers.member(this.jdbc, partnerId, userId, role);
	}

	protected static RequestPostProcessor as(UUID userId, String... roles) {
		return Callers.as(userId, roles);
	}

	protected static RequestPostProcessor ops() {
		return Callers.as(OPS, "ops");
	}

	/** Starts onboarding as the owner; returns the Stripe account id. */
	protected String startOnboarding(Partner partner) throws Exception {
		this.mvc
			.perform(post(API + "/partners/" + partner.partnerId() + "/connected-account/onboarding-link")
				.with(as(partner.owner())))
			.andExpect(status().isCreated());
		return account(partner).get("stripeAccountId").asString();
	}

	/** Onboarding finished in Stripe: the emulator sends the signed account.updated. */
	protected String enabledAccount(Partner partner) throws Exception {
		String accountId = startOnboarding(partner);
		JsonNode result = emulatorJson("POST", "/_emulator/accounts/" + accountId + "/complete-onboarding", "");
		assertThat(result.get("webhookStatus").asInt()).isEqualTo(200);
		return accountId;
	}

	protected JsonNode account(Partner partner) throws Exception {
		return this.json.readTree(this.mvc
			.perform(get(API + "/partners/" + partner.partnerId() + "/connected-account").with(as(partner.owner())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/**
	 * billing-service issues an invoice: {@code InvoiceIssued} on Kafka, issued at the
	 * clock's now.
	 */
	protected UUID invoiceIssued(Partner partner, String number, String month, long totalInclVat) throws Exception {
		UUID invoiceId = UUID.randomUUID();
		publishInvoice(partner, invoiceId, "evt-" + invoiceId, number, month, totalInclVat);
		return invoiceId;
	}

	protected void publishInvoice(Partner partner, UUID invoiceId, String eventId, String number, String month,
			long totalInclVat) throws Exception {
		long vat = totalInclVat / 6;
		InvoicePayload invoice = new InvoicePayload(invoiceId, partner.partnerId(), number, month, this.clock.instant(),
				new MoneyAmount(totalInclVat - vat, "EUR"), new MoneyAmount(vat, "EUR"),
				new MoneyAmount(totalInclVat, "EUR"), "ISSUED", "billing@" + number.toLowerCase() + ".example", 1);
		this.kafka
			.send(KafkaSupport.cloudEvent(Topics.BILLING_INVOICES, partner.partnerId().toString(), eventId,
					EventTypes.INVOICE_ISSUED, this.json.writeValueAsString(invoice)))
			.get();
	}

	/** The partner's payouts as the partner sees them, once {@code count} exist. */
	protected JsonNode payouts(Partner partner, int count) throws Exception {
		JsonNode[] items = new JsonNode[1];
		Awaitility.await("payouts of " + partner.partnerId()).atMost(Duration.ofSeconds(20)).until(() -> {
			items[0] = this.json
				.readTree(this.mvc
					.perform(get(API + "/partners/" + partner.partnerId() + "/payouts").with(as(partner.owner())))
					.andReturn()
					.getResponse()
					.getContentAsString())
				.get("items");
			return items[0] != null && items[0].size() >= count;
		});
		return items[0];
	}

	protected JsonNode payout(Partner partner) throws Exception {
		return payouts(partner, 1).get(0);
	}

	/** Moves the clock to 08:00 Paris on {@code date}. */
	protected void today(LocalDate date) {
		this.clock.set(date.atTime(8, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());
	}

	/** Runs payments for the clock's day as ops, and waits for the run to finish. */
	protected JsonNode run() throws Exception {
		String started = this.mvc
			.perform(post(API + "/payment-runs").with(ops()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String runId = this.json.readTree(started).get("runId").asString();
		JsonNode[] run = new JsonNode[1];
		Awaitility.await("payment run " + runId).atMost(Duration.ofSeconds(60)).until(() -> {
			run[0] = this.json.readTree(this.mvc.perform(get(API + "/payment-runs/" + runId).with(ops()))
				.andReturn()
				.getResponse()
				.getContentAsString());
			return !"RUNNING".equals(run[0].get("status").asString());
		});
		return run[0];
	}

	/** Every transfer the emulator holds for a transfer group (an invoice number). */
	protected List<JsonNode> transfersOf(String transferGroup) throws Exception {
		List<JsonNode> transfers = new ArrayList<>();
		for (JsonNode transfer : emulatorJson("GET", "/_emulator/transfers", "").get("data")) {
			if (transferGroup.equals(transfer.get("transfer_group").asString())) {
				transfers.add(transfer);
			}
		}
		return transfers;
	}

	protected JsonNode emulatorJson(String method, String path, String body) throws Exception {
		return this.json.readTree(emulator(method, path, body));
	}

	protected static String emulator(String method, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(StripeSupport.emulator().baseUrl() + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	protected static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
