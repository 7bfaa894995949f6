package com.worklib.billing.invoice.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.worklib.billing.invoice.Invoice;
import com.worklib.billing.invoice.InvoiceTotals;
import com.worklib.billing.profile.BillingProfile;
import com.worklib.platform.money.Money;

/** An invoice with its lines, as {@code GET /invoices/{id}} returns it. */
record InvoiceResponse(UUID invoiceId, UUID partnerId, String month, String number, String type, Instant issuedAt,
		InvoiceTotals totals, BillingProfile seller, String mandateVersion, String status, String statusReason,
		List<Line> lines, long version, Money linesInclVatRoundedPerLine) {

	/**
	 * {@code linesInclVatRoundedPerLine} (added 2026-12): the lines' total incl. VAT had
	 * VAT been rounded line by line; {@code totals.inclVat} rounds it once per rate (EN
	 * 16931).
	 */
	static InvoiceResponse of(Invoice i) {
		return new InvoiceResponse(i.invoiceId(), i.partnerId(), i.month(), i.number(), i.type().name(), i.issuedAt(),
				i.totals(), i.seller(), i.mandateVersion(), i.status().name(), i.statusReason(),
				i.lines().stream().map(Line::of).toList(), i.version(),
				InvoiceTotals.inclVatRoundedPerLine(i.lines(), i.totals().inclVat().currency()));
	}

	/**
	 * {@code unit}, {@code quantity}, {@code unitPriceExclVat}: added 2026-12, null on
	 * regularisations.
	 */
	record Line(int lineNo, UUID bookingId, LocalDate serviceDate, String workspaceName, String kind,
			Money amountExclVat, int vatRateBps, String regularisesNumber, String unit, java.math.BigDecimal quantity,
			Money unitPriceExclVat) {

		static Line of(Invoice.Line l) {
			return new Line(l.lineNo(), l.bookingId(), l.serviceDate(), l.workspaceName(), l.kind().name(),
					l.amountExclVat(), l.vatRateBps(), l.regularisesNumber(), l.unit(), l.quantity(),
					l.unitPriceExclVat());
		}

	}

}
