package com.worklib.billing.invoice.web;

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

import com.worklib.platform.domain.NotFoundException;
import com.worklib.billing.invoice.Invoice;
import com.worklib.billing.invoice.InvoiceDocument;
import com.worklib.billing.invoice.InvoiceRepository;
import com.worklib.billing.invoice.InvoiceTotals;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;
import com.worklib.platform.web.PageResponse;

/**
 * Invoices and their PDF, for OWNER and FINANCE members and ops. Another partner's member
 * gets 404.
 */
@RestController
@RequestMapping("${worklib.api.base-path}")
class InvoiceController {

	/**
	 * The realm role of the service account that mails invoices (notification-service).
	 */
	static final String DOCUMENTS_ROLE = "invoice-documents";

	private final InvoiceRepository invoices;

	private final PartnerAccess access;

	private final InvoiceDocument documents;

	InvoiceController(InvoiceRepository invoices, PartnerAccess access, InvoiceDocument documents) {
		this.invoices = invoices;
		this.access = access;
		this.documents = documents;
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
					i.totals(), i.status().name()))
			.toList();
		return PageResponse.of(items, query, this.invoices.countOfPartner(partnerId));
	}

	@GetMapping("/invoices/{invoiceId}")
	InvoiceResponse invoice(@PathVariable UUID invoiceId) {
		return InvoiceResponse.of(visible(invoiceId));
	}

	/**
	 * The PDF with its Factur-X XML, rendered on request (issuing stays fast at month
	 * end). No {@code produces}: the mapping matches whatever the client accepts, so a
	 * caller who may not see the invoice gets the 403/404 problem, never a 406 that would
	 * answer before the membership check.
	 */
	@GetMapping("/invoices/{invoiceId}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID invoiceId) {
		// notification-service's service account attaches the PDF to the invoice mail; it
		// reads documents only, never the invoice list or its JSON
		Invoice invoice = CurrentUser.get().hasRealmRole(DOCUMENTS_ROLE)
				? this.invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("Invoice " + invoiceId))
				: visible(invoiceId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + invoice.number() + ".pdf\"")
			.body(this.documents.pdf(invoice));
	}

	/**
	 * Where a booking was invoiced ("Prix facturé" on the booking's page), for any member
	 * of the partner, as the statement is: the invoice number, the line and its amounts;
	 * an empty list until the month closes. {@code month}, the booking's service month,
	 * skips the invoices before it.
	 */
	@GetMapping("/partners/{partnerId}/bookings/{bookingId}/invoice-lines")
	java.util.Map<String, List<BilledLine>> ofBooking(@PathVariable UUID partnerId, @PathVariable UUID bookingId,
			@RequestParam(required = false) String month) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId);
		java.time.YearMonth from = java.time.YearMonth.of(2000, 1);
		if (month != null) {
			try {
				from = java.time.YearMonth.parse(month);
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw com.worklib.platform.domain.FieldValidationException.of("month", "must be a month as YYYY-MM");
			}
		}
		return java.util.Map.of("items",
				this.invoices.linesOfBooking(partnerId, bookingId, from)
					.stream()
					.map(b -> new BilledLine(b.invoiceId(), b.number(), b.month(), InvoiceResponse.Line.of(b.line())))
					.toList());
	}

	record BilledLine(UUID invoiceId, String number, String month, InvoiceResponse.Line line) {
	}

	Invoice visible(UUID invoiceId) {
		Invoice invoice = this.invoices.find(invoiceId)
			.orElseThrow(() -> new NotFoundException("Invoice " + invoiceId));
		this.access.requireRead(CurrentUser.get(), invoice.partnerId(), "Invoice " + invoiceId, PartnerRole.OWNER,
				PartnerRole.FINANCE);
		return invoice;
	}

	record InvoiceSummary(UUID invoiceId, String number, String type, String month, java.time.Instant issuedAt,
			InvoiceTotals totals, String status) {
	}

}
