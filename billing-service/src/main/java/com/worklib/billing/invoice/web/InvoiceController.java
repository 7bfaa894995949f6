package com.worklib.billing.invoice.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.billing.invoice.Invoice;
import com.worklib.billing.invoice.InvoiceDocument;
import com.worklib.billing.invoice.InvoiceIssuer;
import com.worklib.billing.invoice.InvoiceTotals;
import com.worklib.billing.invoice.Invoices;
import com.worklib.platform.money.Money;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;
import com.worklib.platform.web.ApiException;
import com.worklib.platform.web.FieldValidationException;
import com.worklib.platform.web.PageResponse;

/**
 * Statements (any member: what the month bills so far, or what was invoiced) and invoices
 * (OWNER and FINANCE). Another partner's member gets 404.
 */
@RestController
@RequestMapping("${worklib.api.base-path}")
class InvoiceController {

	private final Invoices invoices;

	private final InvoiceIssuer issuer;

	private final PartnerAccess access;

	private final InvoiceDocument documents;

	InvoiceController(Invoices invoices, InvoiceIssuer issuer, PartnerAccess access, InvoiceDocument documents) {
		this.invoices = invoices;
		this.issuer = issuer;
		this.access = access;
		this.documents = documents;
	}

	@GetMapping("/partners/{partnerId}/statements/{month}")
	Statement statement(@PathVariable UUID partnerId, @PathVariable String month) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId);
		YearMonth yearMonth = month(month);
		return this.invoices.findByMonth(partnerId, yearMonth.toString())
			.map(invoice -> new Statement(yearMonth.toString(), "INVOICED", lines(invoice.lines()), invoice.totals(),
					invoice.invoiceId(), invoice.number()))
			.orElseGet(() -> {
				List<Invoice.Line> draft = this.issuer.draft(partnerId, yearMonth);
				InvoiceTotals totals = InvoiceTotals.ofInvoiceLines(draft,
						draft.isEmpty() ? Money.EUR : draft.get(0).amountExclVat().currency());
				return new Statement(yearMonth.toString(), "OPEN", lines(draft), totals, null, null);
			});
	}

	@GetMapping("/partners/{partnerId}/invoices")
	PageResponse<InvoiceSummary> invoices(@PathVariable UUID partnerId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId, PartnerRole.OWNER,
				PartnerRole.FINANCE);
		PageResponse.PageQuery query = PageResponse.PageQuery.of(page, size);
		List<InvoiceSummary> items = this.invoices.ofPartner(partnerId, query.offset(), query.size())
			.stream()
			.map(i -> new InvoiceSummary(i.invoiceId(), i.number(), i.type().name(), i.month(), i.issuedAt(),
					i.totals(), i.status()))
			.toList();
		return PageResponse.of(items, query, this.invoices.countOfPartner(partnerId));
	}

	@GetMapping("/invoices/{invoiceId}")
	Invoice invoice(@PathVariable UUID invoiceId) {
		return visible(invoiceId);
	}

	/**
	 * The PDF with its Factur-X XML, rendered on request (issuing stays fast at month
	 * end). No {@code produces}: the mapping matches whatever the client accepts, so a
	 * caller who may not see the invoice gets the 403/404 problem, never a 406 that would
	 * answer before the membership check.
	 */
	@GetMapping("/invoices/{invoiceId}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID invoiceId) {
		Invoice invoice = visible(invoiceId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + invoice.number() + ".pdf\"")
			.body(this.documents.pdf(invoice));
	}

	Invoice visible(UUID invoiceId) {
		Invoice invoice = this.invoices.find(invoiceId)
			.orElseThrow(() -> ApiException.notFound("Invoice " + invoiceId));
		this.access.requireRead(CurrentUser.get(), invoice.partnerId(), "Invoice " + invoiceId, PartnerRole.OWNER,
				PartnerRole.FINANCE);
		return invoice;
	}

	private static YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw FieldValidationException.of("month", "must be a month as YYYY-MM");
		}
	}

	private static List<StatementLine> lines(List<Invoice.Line> lines) {
		return lines.stream()
			.map(l -> new StatementLine(l.bookingId(), l.serviceDate(), l.workspaceName(), l.amountExclVat(),
					l.vatRateBps(), l.kind(), l.regularisesNumber()))
			.toList();
	}

	record Statement(String month, String status, List<StatementLine> lines, InvoiceTotals totals, UUID invoiceId,
			String invoiceNumber) {
	}

	record StatementLine(UUID bookingId, LocalDate serviceDate, String workspaceName, Money amountExclVat,
			int vatRateBps, String kind, String regularisesNumber) {
	}

	record InvoiceSummary(UUID invoiceId, String number, String type, String month, java.time.Instant issuedAt,
			InvoiceTotals totals, String status) {
	}

}
