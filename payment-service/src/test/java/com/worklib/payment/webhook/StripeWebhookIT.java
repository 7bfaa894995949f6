package com.worklib.payment.webhook;

import java.time.Instant;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import com.worklib.payment.PaymentIT;
import com.worklib.platform.test.StripeSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Only Stripe, recently, once: signatures, tolerance, replays, livemode. */
class StripeWebhookIT extends PaymentIT {

	static final String WEBHOOKS = API + "/stripe/webhooks";

	/** An account.updated enabling payouts, as Stripe would send it for this account. */
	static String enablingEvent(String eventId, String accountId, boolean livemode) {
		return """
				{"id": "%s", "object": "event", "api_version": "%s", "created": %d, "livemode": %s,
				 "type": "account.updated", "account": "%s", "pending_webhooks": 1,
				 "request": {"id": null, "idempotency_key": null},
				 "data": {"object": {"id": "%s", "object": "account", "type": "express", "payouts_enabled": true,
				   "charges_enabled": true, "details_submitted": true,
				   "requirements": {"currently_due": [], "past_due": [], "disabled_reason": null}}}}""".formatted(
				eventId, com.stripe.Stripe.API_VERSION, Instant.now().getEpochSecond(), livemode, accountId, accountId);
	}

	static String sign(String payload, long timestamp) throws Exception {
		return Webhook.Signature.generateSignatureHeader(payload, StripeSupport.TEST_WEBHOOK_SECRET, timestamp);
	}

	@Test
	void refusesABadSignatureAndChangesNothing() throws Exception {
		Partner partner = partner();
		String accountId = startOnboarding(partner);
		String payload = enablingEvent("evt_badsig_" + accountId, accountId, false);
		String forged = Webhook.Signature.generateSignatureHeader(payload, "whsec_someone_else",
				Instant.now().getEpochSecond());

		this.mvc
			.perform(post(WEBHOOKS).contentType(MediaType.APPLICATION_JSON)
				.content(payload)
				.header("Stripe-Signature", forged))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("invalid-webhook-signature")));
		this.mvc.perform(post(WEBHOOKS).contentType(MediaType.APPLICATION_JSON).content(payload))
			.andExpect(status().isBadRequest());
		// the body changed after signing: one byte is enough
		this.mvc
			.perform(post(WEBHOOKS).contentType(MediaType.APPLICATION_JSON)
				.content(payload.replace("\"payouts_enabled\": true", "\"payouts_enabled\":true"))
				.header("Stripe-Signature", sign(payload, Instant.now().getEpochSecond())))
			.andExpect(status().isBadRequest());

		assertThat(account(partner).get("status").asString()).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("SELECT count(*) FROM stripe_event WHERE event_id = :id")
			.param("id", "evt_badsig_" + accountId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesAnEventSignedMoreThanFiveMinutesAgo() throws Exception {
		Partner partner = partner();
		String accountId = startOnboarding(partner);
		String payload = enablingEvent("evt_old_" + accountId, accountId, false);

		this.mvc
			.perform(post(WEBHOOKS).contentType(MediaType.APPLICATION_JSON)
				.content(payload)
				.header("Stripe-Signature", sign(payload, this.clock.instant().getEpochSecond() - 301)))
			.andExpect(status().isBadRequest());
		assertThat(account(partner).get("status").asString()).isEqualTo("PENDING");

		this.mvc
			.perform(post(WEBHOOKS).contentType(MediaType.APPLICATION_JSON)
				.content(payload)
				.header("Stripe-Signature", sign(payload, this.clock.instant().getEpochSecond() - 240)))
			.andExpect(status().isOk());
		assertThat(account(partner).get("status").asString()).isEqualTo("ENABLED");
	}

	/** The endpoint is public: a huge body is refused before it is read whole. */
	@Test
	void refusesABodyLargerThanAStripeEventCouldBe() throws Exception {
		byte[] huge = new byte[256 * 1024 + 10];
		java.util.Arrays.fill(huge, (byte) ' ');
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(API + "/stripe/webhooks")
				.header("Stripe-Signature", "t=1,v1=00")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content(huge))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(413))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
				.value("A Stripe webhook body is at most 256 KB"));
	}

	@org.springframework.beans.factory.annotation.Autowired
	com.worklib.platform.retention.Retention retention;

	/**
	 * Stripe retries a webhook for three days: the log keeps an event 30, then lets it
	 * go.
	 */
	@Test
	void theWebhookLogKeepsAnEventThirtyDays() throws Exception {
		Partner partner = partner();
		String accountId = enabledAccount(partner);
		java.util.function.Supplier<Long> logged = () -> this.jdbc
			.sql("SELECT count(*) FROM stripe_event WHERE account = :a")
			.param("a", accountId)
			.query(Long.class)
			.single();
		assertThat(logged.get()).isPositive();
		this.retention.run();
		assertThat(logged.get()).as("a recent event stays").isPositive();
		this.jdbc.sql("UPDATE stripe_event SET received_at = received_at - interval '31 days' WHERE account = :a")
			.param("a", accountId)
			.update();
		this.retention.run();
		assertThat(logged.get()).isZero();
	}

	@Test
	void aReplayedEventIdHasNoSecondEffect() throws Exception {
		Partner partner = partner();
		String accountId = enabledAccount(partner);
		JsonNode events = emulatorJson("GET", "/_emulator/events", "").get("data");
		String eventId = null;
		for (JsonNode event : events) {
			if (accountId.equals(event.get("account").asString())) {
				eventId = event.get("id").asString();
			}
		}
		long version = versionOf(partner);

		JsonNode resent = emulatorJson("POST", "/_emulator/events/" + eventId + "/resend", "");

		assertThat(resent.get("webhookStatus").asInt()).isEqualTo(200);
		assertThat(versionOf(partner)).isEqualTo(version);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM outbox_event WHERE topic = 'payment.accounts.v1' AND message_key = :p")
			.param("p", partner.partnerId().toString())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void refusesALiveModeEventOnATestModeEndpoint() throws Exception {
		Partner partner = partner();
		String accountId = startOnboarding(partner);
		String payload = enablingEvent("evt_live_" + accountId, accountId, true);

		this.mvc
			.perform(post(WEBHOOKS).contentType(MediaType.APPLICATION_JSON)
				.content(payload)
				.header("Stripe-Signature", sign(payload, Instant.now().getEpochSecond())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("webhook-livemode-mismatch")));
		assertThat(account(partner).get("status").asString()).isEqualTo("PENDING");
	}

	private long versionOf(Partner partner) {
		return this.jdbc.sql("SELECT version FROM connected_account WHERE partner_id = :p")
			.param("p", partner.partnerId())
			.query(Long.class)
			.single();
	}

}
