package com.worklib.payment.account;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.worklib.contracts.Topics;
import com.worklib.payment.PaymentIT;
import com.worklib.platform.test.KafkaSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OnboardingIT extends PaymentIT {

	@Test
	void aPartnerWithoutAccountSeesNoneThenPendingWithWhatStripeNeeds() throws Exception {
		Partner partner = partner();
		this.mvc.perform(get(API + "/partners/" + partner.partnerId() + "/connected-account").with(as(partner.owner())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NONE"))
			.andExpect(jsonPath("$.payoutsEnabled").value(false));

		this.mvc
			.perform(post(API + "/partners/" + partner.partnerId() + "/connected-account/onboarding-link")
				.with(as(partner.owner())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.url").value(startsWith("http://127.0.0.1:")))
			.andExpect(jsonPath("$.expiresAt").isNotEmpty());

		JsonNode account = account(partner);
		assertThat(account.get("status").asString()).isEqualTo("PENDING");
		assertThat(account.get("stripeAccountId").asString()).startsWith("acct_");
		assertThat(account.get("requirementsDue").toString()).contains("external_account");
	}

	@Test
	void aSecondLinkReusesTheSameStripeAccount() throws Exception {
		Partner partner = partner();
		String first = startOnboarding(partner);
		String second = startOnboarding(partner);

		assertThat(second).isEqualTo(first);
	}

	@Test
	void theSignedAccountUpdatedWebhookEnablesPayoutsAndIsPublished() throws Exception {
		Partner partner = partner();
		String accountId = enabledAccount(partner);

		JsonNode account = account(partner);
		assertThat(account.get("status").asString()).isEqualTo("ENABLED");
		assertThat(account.get("payoutsEnabled").asBoolean()).isTrue();
		assertThat(account.get("requirementsDue").size()).isZero();
		var record = KafkaSupport.awaitRecord(Topics.PAYMENT_ACCOUNTS,
				r -> partner.partnerId().toString().equals(r.key()) && r.value().contains("\"ENABLED\""));
		assertThat(record.value()).contains(accountId);
	}

	@Test
	void aRestrictedAccountShowsWhatStripeNeedsAgain() throws Exception {
		Partner partner = partner();
		String accountId = enabledAccount(partner);

		emulator("POST", "/_emulator/accounts/" + accountId + "/restrict",
				"{\"requirements\":[\"individual.verification.document\"]}");

		JsonNode account = account(partner);
		assertThat(account.get("status").asString()).isEqualTo("RESTRICTED");
		assertThat(account.get("disabledReason").asString()).isEqualTo("requirements.past_due");
		assertThat(account.get("requirementsDue").get(0).asString()).isEqualTo("individual.verification.document");
	}

	@Test
	void onlyOwnerAndFinanceOfThePartnerManagePayouts() throws Exception {
		Partner partner = partner();
		Partner other = partner();
		UUID manager = UUID.randomUUID();
		UUID finance = UUID.randomUUID();
		member(partner.partnerId(), manager, "MANAGER");
		member(partner.partnerId(), finance, "FINANCE");
		String link = API + "/partners/" + partner.partnerId() + "/connected-account/onboarding-link";
		String account = API + "/partners/" + partner.partnerId() + "/connected-account";

		this.mvc.perform(post(link).with(as(other.owner())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").exists());
		this.mvc.perform(get(account).with(as(other.owner()))).andExpect(status().isNotFound());
		this.mvc.perform(get(API + "/partners/" + partner.partnerId() + "/payouts").with(as(other.owner())))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(link).with(as(manager))).andExpect(status().isForbidden());
		this.mvc.perform(get(account).with(as(manager))).andExpect(status().isNotFound());
		this.mvc.perform(post(link).with(as(finance))).andExpect(status().isCreated());
		this.mvc.perform(get(account).with(ops()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"));
		this.mvc.perform(post(API + "/payment-runs").with(as(partner.owner()))).andExpect(status().isForbidden());
	}

}
