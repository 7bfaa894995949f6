package com.worklib.stripe.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Event;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real stripe-java client against the emulator: what payment-service does. */
class StripeEmulatorTest {

	static final String SECRET = "whsec_test_secret";

	static StripeEmulator emulator;

	static HttpServer receiver;

	static final List<String[]> received = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void start() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/webhooks", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new String[] { body, exchange.getRequestHeaders().getFirst("Stripe-Signature") });
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		emulator = new StripeEmulator(0).start();
		emulator.webhookEndpoint("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks", SECRET);
	}

	@AfterAll
	static void stop() {
		emulator.close();
		receiver.stop(0);
	}

	static StripeClient client(String key) {
		return StripeClient.builder()
			.setApiKey(key)
			.setApiBase(emulator.baseUrl())
			.setMaxNetworkRetries(0)
			.setReadTimeout(1_000)
			.build();
	}

	static StripeClient stripe() {
		return client("sk_test_emulator");
	}

	static Account newAccount() throws Exception {
		return stripe().v1()
			.accounts()
			.create(AccountCreateParams.builder()
				.setType(AccountCreateParams.Type.EXPRESS)
				.setCountry("FR")
				.setEmail("finance@atelier-lyon.fr")
				.putMetadata("partner_id", "p-1")
				.build());
	}

	static Account enabledAccount() throws Exception {
		Account account = newAccount();
		control("POST", "/_emulator/accounts/" + account.getId() + "/complete-onboarding", "");
		return account;
	}

	static String control(String method, String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	static TransferCreateParams transfer(String destination, long amount, String group) {
		return TransferCreateParams.builder()
			.setAmount(amount)
			.setCurrency("eur")
			.setDestination(destination)
			.setTransferGroup(group)
			.putMetadata("invoice_id", "inv-" + group)
			.build();
	}

	static RequestOptions key(String key) {
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}

	@Test
	void keepsTheAccountItCreatedUntilOnboardingEnablesPayouts() throws Exception {
		Account account = newAccount();

		assertThat(account.getId()).startsWith("acct_").hasSize(21);
		assertThat(account.getEmail()).isEqualTo("finance@atelier-lyon.fr");
		assertThat(account.getMetadata()).containsEntry("partner_id", "p-1");
		assertThat(account.getPayoutsEnabled()).isFalse();
		assertThat(account.getRequirements().getCurrentlyDue()).contains("external_account");

		control("POST", "/_emulator/accounts/" + account.getId() + "/complete-onboarding", "");

		Account again = stripe().v1().accounts().retrieve(account.getId());
		assertThat(again.getPayoutsEnabled()).isTrue();
		assertThat(again.getRequirements().getCurrentlyDue()).isEmpty();
		assertThatThrownBy(() -> stripe().v1().accounts().retrieve("acct_0000000000000000"))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("No such account");
	}

	@Test
	void sendsASignedAccountUpdatedEventThatStripeJavaAccepts() throws Exception {
		Account account = newAccount();
		received.clear();

		control("POST", "/_emulator/accounts/" + account.getId() + "/complete-onboarding", "");

		assertThat(received).hasSize(1);
		Event event = Webhook.constructEvent(received.get(0)[0], received.get(0)[1], SECRET, 300);
		assertThat(event.getType()).isEqualTo("account.updated");
		assertThat(event.getAccount()).isEqualTo(account.getId());
		Account object = (Account) event.getDataObjectDeserializer().getObject().orElseThrow();
		assertThat(object.getPayoutsEnabled()).isTrue();
		assertThatThrownBy(() -> Webhook.constructEvent(received.get(0)[0], received.get(0)[1], "whsec_other", 300))
			.isInstanceOf(com.stripe.exception.SignatureVerificationException.class);
	}

	@Test
	void signsWithItsMovedClockSoAServiceWithTheSameDevClockAcceptsTheEvent() throws Exception {
		Account account = newAccount();
		received.clear();
		control("PUT", "/_emulator/clock", "{\"instant\":\"2027-03-10T08:00:00+01:00\"}");
		try {
			control("POST", "/_emulator/accounts/" + account.getId() + "/complete-onboarding", "");
		}
		finally {
			control("DELETE", "/_emulator/clock", "");
		}

		java.time.Instant moved = java.time.Instant.parse("2027-03-10T07:00:30Z");
		Event event = Webhook.constructEvent(received.get(0)[0], received.get(0)[1], SECRET, 300,
				java.time.Clock.fixed(moved, java.time.ZoneOffset.UTC));
		assertThat(event.getCreated()).isBetween(moved.getEpochSecond() - 60, moved.getEpochSecond());
		assertThatThrownBy(() -> Webhook.constructEvent(received.get(0)[0], received.get(0)[1], SECRET, 300,
				java.time.Clock.fixed(moved.plusSeconds(600), java.time.ZoneOffset.UTC)))
			.isInstanceOf(com.stripe.exception.SignatureVerificationException.class);
	}

	@Test
	void createsAnOnboardingLinkWhoseHostedPageCompletesOnboarding() throws Exception {
		Account account = newAccount();
		AccountLink link = stripe().v1()
			.accountLinks()
			.create(AccountLinkCreateParams.builder()
				.setAccount(account.getId())
				.setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
				.setRefreshUrl("http://localhost:3000/payouts?refresh")
				.setReturnUrl("http://localhost:3000/payouts")
				.build());
		assertThat(link.getUrl()).startsWith(emulator.baseUrl()).contains(account.getId());
		assertThat(link.getExpiresAt()).isGreaterThan(link.getCreated());

		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(link.getUrl())).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValue("http://localhost:3000/payouts");
		assertThat(stripe().v1().accounts().retrieve(account.getId()).getPayoutsEnabled()).isTrue();
	}

	@Test
	void replaysTheFirstResponseForTheSameIdempotencyKeyAndRefusesOtherParameters() throws Exception {
		Account account = enabledAccount();
		Transfer first = stripe().v1()
			.transfers()
			.create(transfer(account.getId(), 10500, "ATLYON-2026-00001"), key("attempt-1"));
		Transfer replay = stripe().v1()
			.transfers()
			.create(transfer(account.getId(), 10500, "ATLYON-2026-00001"), key("attempt-1"));

		assertThat(replay.getId()).isEqualTo(first.getId());
		assertThat(first.getAmount()).isEqualTo(10500L);
		assertThat(first.getTransferGroup()).isEqualTo("ATLYON-2026-00001");
		assertThat(first.getMetadata()).containsEntry("invoice_id", "inv-ATLYON-2026-00001");
		assertThat(stripe().v1()
			.transfers()
			.list(TransferListParams.builder().setTransferGroup("ATLYON-2026-00001").build())
			.getData()).extracting(Transfer::getId).containsExactly(first.getId());
		assertThat(control("GET", "/_emulator/transfers", "")).contains("\"idempotency_key\": \"attempt-1\"");
		assertThatThrownBy(() -> stripe().v1()
			.transfers()
			.create(transfer(account.getId(), 99, "ATLYON-2026-00001"), key("attempt-1")))
			.isInstanceOf(IdempotencyException.class);
	}

	@Test
	void failsTheNextCallsItIsToldToFailThenServesNormally() throws Exception {
		Account account = enabledAccount();
		control("POST", "/_emulator/failures", """
				{"endpoint": "POST /v1/transfers", "error": "rate_limit", "count": 1}""");
		control("POST", "/_emulator/failures", """
				{"endpoint": "POST /v1/transfers", "error": "api_error", "count": 1}""");
		control("POST", "/_emulator/failures", """
				{"endpoint": "POST /v1/transfers", "error": "insufficient_funds", "count": 1}""");

		assertThatThrownBy(() -> stripe().v1().transfers().create(transfer(account.getId(), 100, "G1"), key("k-429")))
			.isInstanceOf(RateLimitException.class);
		assertThatThrownBy(() -> stripe().v1().transfers().create(transfer(account.getId(), 100, "G1"), key("k-429")))
			.isInstanceOf(ApiException.class)
			.extracting(e -> ((ApiException) e).getStatusCode())
			.isEqualTo(500);
		assertThatThrownBy(() -> stripe().v1().transfers().create(transfer(account.getId(), 100, "G1"), key("k-429")))
			.isInstanceOf(InvalidRequestException.class)
			.extracting(e -> ((InvalidRequestException) e).getCode())
			.isEqualTo("balance_insufficient");
		Transfer transfer = stripe().v1().transfers().create(transfer(account.getId(), 100, "G1"), key("k-429"));
		assertThat(transfer.getAmount()).isEqualTo(100L);
	}

	@Test
	void aTimedOutTransferExistsAndTheSameKeyReturnsIt() throws Exception {
		Account account = enabledAccount();
		control("POST", "/_emulator/failures", """
				{"endpoint": "POST /v1/transfers", "error": "timeout", "count": 1, "delayMillis": 2000}""");

		assertThatThrownBy(
				() -> stripe().v1().transfers().create(transfer(account.getId(), 4200, "G-TIMEOUT"), key("k-timeout")))
			.isInstanceOf(ApiConnectionException.class);
		Transfer retried = stripe().v1()
			.transfers()
			.create(transfer(account.getId(), 4200, "G-TIMEOUT"), key("k-timeout"));

		assertThat(stripe().v1()
			.transfers()
			.list(TransferListParams.builder().setTransferGroup("G-TIMEOUT").build())
			.getData()).extracting(Transfer::getId).containsExactly(retried.getId());
	}

	@Test
	void refusesATransferToARestrictedAccount() throws Exception {
		Account account = enabledAccount();
		control("POST", "/_emulator/accounts/" + account.getId() + "/restrict", "");

		assertThatThrownBy(() -> stripe().v1().transfers().create(transfer(account.getId(), 100, "G-R")))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("capabilities");
		assertThat(stripe().v1().accounts().retrieve(account.getId()).getRequirements().getDisabledReason())
			.isEqualTo("requirements.past_due");
	}

	@Test
	void refusesALiveOrMissingKeyAsStripeDoes() {
		assertThatThrownBy(() -> client("sk_live_nope").v1().accounts().retrieve("acct_1234567890ABCDEF"))
			.isInstanceOf(AuthenticationException.class);
	}

}
