package com.worklib.billing.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.worklib.platform.money.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invoice's payment status: ISSUED → PAID or PAYMENT_FAILED, each change one version
 * later.
 */
class InvoiceTest {

	static Invoice issued() {
		return new Invoice(UUID.randomUUID(), UUID.randomUUID(), "2026-11", "ATEL-2026-00001", InvoiceType.INVOICE,
				Instant.parse("2026-12-01T01:00:00Z"), InvoiceTotals.of(List.of(), Money.EUR), null, "2026-11",
				InvoiceStatus.ISSUED, null, List.of(), 1);
	}

	@Test
	void anIssuedInvoiceIsPaidOnceAndThePayloadSaysSo() {
		Invoice paid = issued().paid().orElseThrow();
		assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(paid.version()).isEqualTo(2);
		assertThat(paid.payload().status()).isEqualTo("PAID");
		assertThat(paid.payload().version()).isEqualTo(2);
		assertThat(paid.paid()).as("paid again: nothing changes, nothing is published").isEmpty();
	}

	@Test
	void aFailedPaymentKeepsItsReasonAndANewReasonIsAChange() {
		Invoice failed = issued().paymentFailed("account closed").orElseThrow();
		assertThat(failed.status()).isEqualTo(InvoiceStatus.PAYMENT_FAILED);
		assertThat(failed.statusReason()).isEqualTo("account closed");
		assertThat(failed.paymentFailed("account closed")).isEmpty();
		assertThat(failed.paymentFailed("IBAN invalid").orElseThrow().version()).isEqualTo(3);
		assertThat(failed.paid().orElseThrow().statusReason()).as("paid after all: the reason goes").isNull();
	}

	@Test
	void aPaidInvoiceWhosePayoutFailsLaterIsPaymentFailed() {
		Invoice returned = issued().paid().orElseThrow().paymentFailed("returned by the bank").orElseThrow();
		assertThat(returned.status()).isEqualTo(InvoiceStatus.PAYMENT_FAILED);
		assertThat(returned.version()).isEqualTo(3);
	}

}
