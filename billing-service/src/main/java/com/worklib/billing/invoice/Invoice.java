package com.worklib.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.worklib.billing.profile.BillingProfile;

/**
 * An issued self-billing document, never changed after issue except its payment status.
 *
 * @param type INVOICE (UNTDID 1001 code 389, self-billed invoice) or CREDIT_NOTE (261,
 * self-billed credit note) when regularisations make the total negative
 * @param seller the partner's billing information as it was at issue
 */
public record Invoice(UUID invoiceId, UUID partnerId, String month, String number, InvoiceType type, Instant issuedAt,
		InvoiceTotals totals, BillingProfile seller, String mandateVersion, String status, String statusReason,
		List<Line> lines, long version) {

	/**
	 * @param kind BOOKING, LATE_CANCELLATION or REGULARISATION
	 * @param regularisesNumber the invoice a regularisation corrects
	 */
	public record Line(int lineNo, UUID bookingId, LocalDate serviceDate, String workspaceName, String kind,
			com.worklib.platform.money.Money amountExclVat, int vatRateBps, String regularisesNumber) {
	}

	public String typeCode() {
		return this.type.untdidCode();
	}

}
