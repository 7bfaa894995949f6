package com.worklib.payment.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.worklib.payment.provider.PaymentProvider.TransferOutcome;
import com.worklib.payment.provider.PaymentProvider.TransferRequest;
import com.worklib.platform.money.Money;
import com.worklib.stripe.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stripe adapter's resilience, against the emulator (no Spring). */
class StripePaymentProviderTest {

	static StripeEmulator emulator;

	@BeforeAll
	static void start() {
		emulator = new StripeEmulator(0).start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	static StripePaymentProvider provider(int breakerMinimumCalls) {
		return new StripePaymentProvider(new StripeProperties("sk_test_unit", "whsec_unit", emulator.baseUrl(), false,
				100, Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofMillis(10), Duration.ofSeconds(300),
				breakerMinimumCalls, Duration.ofSeconds(30)));
	}

	static void fail(String error, int count) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/failures"))
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"endpoint\":\"POST /v1/transfers\",\"error\":\"%s\",\"count\":%d}".formatted(error, count)))
			.build();
		HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
	}

	static String enabledAccount(StripePaymentProvider provider) throws Exception {
		String accountId = provider.createConnectedAccount(UUID.randomUUID()).accountId();
		HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(
						URI.create(emulator.baseUrl() + "/_emulator/accounts/" + accountId + "/complete-onboarding"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding());
		return accountId;
	}

	static TransferRequest transfer(String accountId) {
		return new TransferRequest(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				"UNIT-2026-00001", accountId, Money.eur(1_000));
	}

	@Test
	void retries429And500ButGivesUpAfterTheConfiguredAttempts() throws Exception {
		StripePaymentProvider provider = provider(1000);
		String accountId = enabledAccount(provider);

		fail("rate_limit", 1);
		fail("api_error", 1);
		assertThat(provider.transfer(transfer(accountId))).isInstanceOf(TransferOutcome.Transferred.class);

		fail("api_error", 3);
		assertThatThrownBy(() -> provider.transfer(transfer(accountId)))
			.isInstanceOf(ProviderUnavailableException.class);
	}

	@Test
	void aRefusalIsAnAnswerNotRetried() throws Exception {
		StripePaymentProvider provider = provider(1000);
		String accountId = enabledAccount(provider);
		fail("insufficient_funds", 1);

		TransferOutcome outcome = provider.transfer(transfer(accountId));

		assertThat(outcome).isInstanceOfSatisfying(TransferOutcome.Refused.class,
				refused -> assertThat(refused.code()).isEqualTo("balance_insufficient"));
	}

	@Test
	void theCircuitOpensAfterMostCallsFailAndThenRefusesWithoutCallingStripe() throws Exception {
		StripePaymentProvider provider = provider(10);
		String accountId = enabledAccount(provider);
		fail("api_error", 12);
		for (int i = 0; i < 4; i++) {
			assertThatThrownBy(() -> provider.transfer(transfer(accountId)))
				.isInstanceOf(ProviderUnavailableException.class);
		}

		// the emulator would now succeed, but the open circuit does not even ask
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/failures")).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
		assertThatThrownBy(() -> provider.transfer(transfer(accountId)))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("circuit open");
	}

}
