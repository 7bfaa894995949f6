package com.worklib.billing.close;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.worklib.billing.invoice.Invoice;
import com.worklib.billing.invoice.InvoiceRepository;
import com.worklib.billing.invoice.InvoiceTotals;
import com.worklib.platform.money.Money;

/**
 * A partner's month as billing sees it: the invoice once the month is invoiced, otherwise
 * the draft of what closing it now would invoice.
 */
@Service
public class StatementService {

	private final InvoiceRepository invoices;

	private final InvoiceIssuer issuer;

	StatementService(InvoiceRepository invoices, InvoiceIssuer issuer) {
		this.invoices = invoices;
		this.issuer = issuer;
	}

	public Statement statement(UUID partnerId, YearMonth month) {
		return this.invoices.findByMonth(partnerId, month.toString())
			.map(invoice -> new Statement(month, Statement.Status.INVOICED, invoice.lines(), invoice.totals(),
					invoice.invoiceId(), invoice.number()))
			.orElseGet(() -> {
				List<Invoice.Line> draft = this.issuer.draft(partnerId, month);
				InvoiceTotals totals = InvoiceTotals.ofInvoiceLines(draft,
						draft.isEmpty() ? Money.EUR : draft.get(0).amountExclVat().currency());
				return new Statement(month, Statement.Status.OPEN, draft, totals, null, null);
			});
	}

	/**
	 * @param invoiceId the month's invoice, null while the month is open
	 */
	public record Statement(YearMonth month, Status status, List<Invoice.Line> lines, InvoiceTotals totals,
			UUID invoiceId, String invoiceNumber) {

		/** OPEN: a draft that changes with bookings; INVOICED: the issued invoice. */
		public enum Status {

			OPEN, INVOICED

		}

	}

}
