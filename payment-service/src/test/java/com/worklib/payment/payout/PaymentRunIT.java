package com.worklib.payment.payout;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import com.worklib.contracts.Topics;
import com.worklib.payment.PaymentIT;
import com.worklib.platform.test.KafkaSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * From {@code InvoiceIssued} to the partner's bank: planning, the payment run against the
 * Stripe emulator, failures on the way, and Stripe's reports afterwards.
 *
 * <pre>
 *  January 2026 invoice          February 2026
 *  issued 2 Feb ──▶ PLANNED 10 Feb (Tue) ── run ──▶ TRANSFERRED ── payout.paid ──▶ PAID
 *                            ... retryable failures retried daily until 15 Feb, then FAILED
 * </pre>
 */
class PaymentRunIT extends PaymentIT {

	static final LocalDate FEB_2 = LocalDate.of(2026, 2, 2);

	static final LocalDate FEB_10 = LocalDate.of(2026, 2, 10);

	/** An enabled partner with a January invoice planned for 10 February. */
	record Due(Partner partner, String accountId, String number) {
	}

	Due due(String number, long total) throws Exception {
		Partner partner = partner();
		String accountId = enabledAccount(partner);
		today(FEB_2);
		invoiceIssued(partner, number, "2026-01", total);
		assertThat(payout(partner).get("plannedDate").asString()).isEqualTo("2026-02-10");
		today(FEB_10);
		return new Due(partner, accountId, number);
	}

	@Test
	void plansTheTenthMovedToMondayOncePerInvoice() throws Exception {
		Partner partner = partner();
		today(LocalDate.of(2026, 1, 1));
		var invoiceId = invoiceIssued(partner, "PLAN-2025-00001", "2025-12", 12_000);
		// billing redelivers, and republishes the same invoice under a new event id
		publishInvoice(partner, invoiceId, "evt-" + invoiceId, "PLAN-2025-00001", "2025-12", 12_000);
		publishInvoice(partner, invoiceId, "evt-again-" + invoiceId, "PLAN-2025-00001", "2025-12", 12_000);

		JsonNode payout = payout(partner);
		assertThat(payout.get("plannedDate").asString()).isEqualTo("2026-01-12");
		assertThat(payout.get("status").asString()).isEqualTo("PLANNED");
		assertThat(payout.get("amount").get("amountMinor").asLong()).isEqualTo(12_000);
		assertThat(payout.get("invoiceId").asString()).isEqualTo(invoiceId.toString());
		KafkaSupport.awaitRecord(Topics.PAYMENT_PAYOUTS, r -> partner.partnerId().toString().equals(r.key())
				&& "payment.PayoutPlanned".equals(KafkaSupport.header(r, "ce_type")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM payout WHERE partner_id = :p")
			.param("p", partner.partnerId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anInvoiceIssuedAfterTheFifteenthIsPaidOnTheNextBusinessDay() throws Exception {
		Partner partner = partner();
		today(LocalDate.of(2026, 3, 21)); // a Saturday, January's window long closed

		invoiceIssued(partner, "LATE-2026-00001", "2026-01", 5_000);

		assertThat(payout(partner).get("plannedDate").asString()).isEqualTo("2026-03-23");
	}

	@Test
	void theRunTransfersTheInvoiceTotalOnceThenTheBankPayoutMarksItPaid() throws Exception {
		Partner partner = partner();
		String accountId = enabledAccount(partner);
		today(FEB_2);
		var invoiceId = invoiceIssued(partner, "ONCE-2026-00001", "2026-01", 10_500);
		payout(partner);

		today(LocalDate.of(2026, 2, 9));
		assertThat(run().get("transferred").asInt()).isZero();
		assertThat(transfersOf("ONCE-2026-00001")).isEmpty();

		today(FEB_10);
		JsonNode run = run();
		assertThat(run.get("due").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(run.get("transferred").asInt()).isGreaterThanOrEqualTo(1);
		List<JsonNode> transfers = transfersOf("ONCE-2026-00001");
		assertThat(transfers).hasSize(1);
		JsonNode transfer = transfers.get(0);
		assertThat(transfer.get("amount").asLong()).isEqualTo(10_500);
		assertThat(transfer.get("currency").asString()).isEqualTo("eur");
		assertThat(transfer.get("destination").asString()).isEqualTo(accountId);
		assertThat(transfer.get("metadata").get("invoice_id").asString()).isEqualTo(invoiceId.toString());
		assertThat(transfer.get("metadata").get("partner_id").asString()).isEqualTo(partner.partnerId().toString());
		JsonNode payout = payout(partner);
		assertThat(payout.get("status").asString()).isEqualTo("TRANSFERRED");
		assertThat(payout.get("transferId").asString()).isEqualTo(transfer.get("id").asString());

		run();
		assertThat(transfersOf("ONCE-2026-00001")).hasSize(1);

		emulator("POST", "/_emulator/accounts/" + accountId + "/payouts", "{\"status\":\"paid\"}");
		assertThat(payout(partner).get("status").asString()).isEqualTo("PAID");
		KafkaSupport.awaitRecord(Topics.PAYMENT_PAYOUTS,
				r -> partner.partnerId().toString().equals(r.key())
						&& "payment.PayoutPaid".equals(KafkaSupport.header(r, "ce_type"))
						&& r.value().contains(invoiceId.toString()));
	}

	@Test
	void aCrashBetweenStoringTheAttemptAndStoringItsResultEndsWithExactlyOneTransfer() throws Exception {
		Due due = due("CRASH-2026-00001", 20_000);
		this.provider.crashAfterNextTransfer.set(true);

		run();
		assertThat(payout(due.partner()).get("status").asString()).isEqualTo("PLANNED");
		assertThat(transfersOf(due.number())).hasSize(1);

		run();
		List<JsonNode> transfers = transfersOf(due.number());
		assertThat(transfers).hasSize(1);
		assertThat(payout(due.partner()).get("status").asString()).isEqualTo("TRANSFERRED");
		assertThat(payout(due.partner()).get("transferId").asString()).isEqualTo(transfers.get(0).get("id").asString());
		String attemptId = this.jdbc.sql("""
				SELECT a.attempt_id::text FROM transfer_attempt a JOIN payout p ON p.payout_id = a.payout_id
				WHERE p.invoice_number = :n AND a.state = 'SUCCEEDED'""")
			.param("n", due.number())
			.query(String.class)
			.single();
		assertThat(transfers.get(0).get("idempotency_key").asString()).isEqualTo(attemptId);
	}

	@Test
	void anAttemptOlderThanStripeKeepsKeysIsSettledByLookingTheTransferUp() throws Exception {
		Due due = due("LOOKUP-2026-00001", 7_700);
		this.provider.crashAfterNextTransfer.set(true);
		run();

		today(FEB_10.plusDays(2)); // the key has expired at Stripe
		run();

		assertThat(transfersOf(due.number())).hasSize(1);
		assertThat(payout(due.partner()).get("status").asString()).isEqualTo("TRANSFERRED");
	}

	@Test
	void rateLimitedCallsAreRetriedWithBackOffInTheSameRun() throws Exception {
		Due due = due("RATE-2026-00001", 3_000);
		emulator("POST", "/_emulator/failures", """
				{"endpoint": "POST /v1/transfers", "error": "rate_limit", "count": 2}""");

		run();

		assertThat(payout(due.partner()).get("status").asString()).isEqualTo("TRANSFERRED");
		assertThat(transfersOf(due.number())).hasSize(1);
	}

	@Test
	void aTimedOutTransferIsRepeatedWithTheSameKeyAndMovesMoneyOnce() throws Exception {
		Due due = due("TIMEOUT-2026-00001", 4_400);
		emulator("POST", "/_emulator/failures", """
				{"endpoint": "POST /v1/transfers", "error": "timeout", "count": 1, "delayMillis": 1500}""");

		run();

		assertThat(payout(due.partner()).get("status").asString()).isEqualTo("TRANSFERRED");
		assertThat(transfersOf(due.number())).hasSize(1);
	}

	@Test
	void aRestrictedAccountBlocksThePayoutWithTheReasonUntilStripeIsSatisfied() throws Exception {
		Due due = due("BLOCK-2026-00001", 9_900);
		emulator("POST", "/_emulator/accounts/" + due.accountId() + "/restrict",
				"{\"requirements\":[\"individual.verification.document\"]}");

		assertThat(run().get("blocked").asInt()).isGreaterThanOrEqualTo(1);

		JsonNode payout = payout(due.partner());
		assertThat(payout.get("status").asString()).isEqualTo("BLOCKED");
		assertThat(payout.get("reason").asString()).contains("individual.verification.document");
		assertThat(transfersOf(due.number())).isEmpty();
		var blocked = KafkaSupport.awaitRecord(Topics.PAYMENT_PAYOUTS,
				r -> due.partner().partnerId().toString().equals(r.key())
						&& "payment.PayoutBlocked".equals(KafkaSupport.header(r, "ce_type")));
		assertThat(blocked.value()).contains("individual.verification.document");

		emulator("POST", "/_emulator/accounts/" + due.accountId() + "/complete-onboarding", "");
		run();
		assertThat(payout(due.partner()).get("status").asString()).isEqualTo("TRANSFERRED");
		assertThat(transfersOf(due.number())).hasSize(1);
	}

	@Test
	void stripeDownRetriesDailyUntilTheFifteenthThenFailsForOps() throws Exception {
		Due due = due("DOWN-2026-00001", 6_600);
		emulator("POST", "/_emulator/failures", """
				{"endpoint": "POST /v1/transfers", "error": "api_error", "count": 8}""");

		run();
		JsonNode retrying = payout(due.partner());
		assertThat(retrying.get("status").asString()).isEqualTo("PLANNED");
		assertThat(retrying.get("reason").asString()).contains("Stripe unavailable");

		today(LocalDate.of(2026, 2, 16));
		run();
		JsonNode failed = payout(due.partner());
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("reason").asString()).contains(due.number());
		assertThat(transfersOf(due.number())).isEmpty();
		KafkaSupport.awaitRecord(Topics.PAYMENT_PAYOUTS, r -> due.partner().partnerId().toString().equals(r.key())
				&& "payment.PayoutFailed".equals(KafkaSupport.header(r, "ce_type")));
	}

	@Test
	void anInsufficientPlatformBalanceKeepsThePayoutPlanned() throws Exception {
		Due due = due("FUNDS-2026-00001", 1_234);
		emulator("POST", "/_emulator/failures", """
				{"endpoint": "POST /v1/transfers", "error": "insufficient_funds", "count": 1}""");

		run();
		assertThat(payout(due.partner()).get("reason").asString()).contains("balance");
		assertThat(payout(due.partner()).get("status").asString()).isEqualTo("PLANNED");

		run();
		assertThat(payout(due.partner()).get("status").asString()).isEqualTo("TRANSFERRED");
	}

	@Test
	void aReversedTransferFailsThePayout() throws Exception {
		Due due = due("REV-2026-00001", 2_500);
		run();
		String transferId = payout(due.partner()).get("transferId").asString();

		emulator("POST", "/_emulator/transfers/" + transferId + "/reverse", "");

		JsonNode payout = payout(due.partner());
		assertThat(payout.get("status").asString()).isEqualTo("FAILED");
		assertThat(payout.get("reason").asString()).contains("reversed");
	}

	@Test
	void opsCannotRunPaymentsAheadOfTime() throws Exception {
		today(FEB_10);
		this.mvc
			.perform(post(API + "/payment-runs").with(ops())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\":\"2026-02-11\"}"))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2026-02-11")));
		this.mvc
			.perform(post(API + "/payment-runs").with(ops())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\":\"10/02/2026\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
	}

}
