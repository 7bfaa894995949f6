package com.worklib.stripe.emulator;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Transfer;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.TransferCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real stripe-java client against the emulator: what payment-service will do. */
class StripeEmulatorTest {

	static StripeEmulator emulator;

	@BeforeAll
	static void start() {
		emulator = new StripeEmulator(0).start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	static StripeClient client(String key) {
		return StripeClient.builder().setApiKey(key).setApiBase(emulator.baseUrl()).setMaxNetworkRetries(0).build();
	}

	@Test
	void createsAnExpressConnectedAccountThatCannotReceivePayoutsYet() throws Exception {
		Account account = client("sk_test_emulator").v1()
			.accounts()
			.create(AccountCreateParams.builder()
				.setType(AccountCreateParams.Type.EXPRESS)
				.setCountry("FR")
				.setEmail("finance@atelier-lyon.fr")
				.build());

		assertThat(account.getId()).startsWith("acct_").hasSize(21);
		assertThat(account.getEmail()).isEqualTo("finance@atelier-lyon.fr");
		assertThat(account.getPayoutsEnabled()).isFalse();
		assertThat(account.getRequirements().getCurrentlyDue()).contains("external_account");

		Account again = client("sk_test_emulator").v1().accounts().retrieve(account.getId());
		assertThat(again.getId()).isEqualTo(account.getId());
	}

	@Test
	void createsAnOnboardingLinkAndATransfer() throws Exception {
		StripeClient stripe = client("sk_test_emulator");
		AccountLink link = stripe.v1()
			.accountLinks()
			.create(AccountLinkCreateParams.builder()
				.setAccount("acct_1234567890ABCDEF")
				.setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
				.setRefreshUrl("http://localhost:3000/payouts?refresh")
				.setReturnUrl("http://localhost:3000/payouts")
				.build());
		assertThat(link.getUrl()).startsWith(emulator.baseUrl()).contains("acct_1234567890ABCDEF");
		assertThat(link.getExpiresAt()).isGreaterThan(link.getCreated());

		Transfer transfer = stripe.v1()
			.transfers()
			.create(TransferCreateParams.builder()
				.setAmount(10500L)
				.setCurrency("eur")
				.setDestination("acct_1234567890ABCDEF")
				.setTransferGroup("ATLYON-2026-00001")
				.build());
		assertThat(transfer.getId()).startsWith("tr_");
		assertThat(transfer.getAmount()).isEqualTo(10500L);
		assertThat(transfer.getTransferGroup()).isEqualTo("ATLYON-2026-00001");
	}

	@Test
	void refusesALiveOrMissingKeyAsStripeDoes() {
		assertThatThrownBy(() -> client("sk_live_nope").v1().accounts().retrieve("acct_1234567890ABCDEF"))
			.isInstanceOf(AuthenticationException.class);
	}

}
