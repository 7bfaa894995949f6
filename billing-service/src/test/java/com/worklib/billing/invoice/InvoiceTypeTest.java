package com.worklib.billing.invoice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document type code a partner's accounting software reads in the Factur-X XML: a
 * credit note coded as an invoice would be booked as income instead of a refund.
 */
class InvoiceTypeTest {

	@Test
	void invoicesAndCreditNotesCarryTheirUntdidCodes() {
		assertThat(InvoiceType.INVOICE.untdidCode()).isEqualTo("389");
		assertThat(InvoiceType.CREDIT_NOTE.untdidCode()).isEqualTo("261");
		assertThat(InvoiceType.valueOf("CREDIT_NOTE")).isEqualTo(InvoiceType.CREDIT_NOTE);
	}

}
