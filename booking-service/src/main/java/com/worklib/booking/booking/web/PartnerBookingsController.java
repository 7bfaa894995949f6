package com.worklib.booking.booking.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.booking.booking.Booking;
import com.worklib.booking.booking.BookingQueries;
import com.worklib.booking.booking.BookingStatus;
import com.worklib.platform.money.Money;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.web.PageResponse;
import com.worklib.platform.web.PageResponse.PageQuery;

/**
 * The partner's bookings table, as JSON or as CSV with exactly the same rows and amounts.
 */
@RestController
@RequestMapping("/api/bookings/v1/partners/{partnerId}/bookings")
class PartnerBookingsController {

	static final String[] CSV_HEADER = { "bookingId", "serviceDate", "start", "end", "workspace", "status", "unit",
			"quantity", "currency", "amountExclVat", "vatRatePercent", "vatAmount", "amountInclVat", "cancellationFee",
			"bookerFirstName", "bookerEmail", "bookerCompany" };

	private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final BookingQueries queries;

	private final PartnerAccess access;

	PartnerBookingsController(BookingQueries queries, PartnerAccess access) {
		this.queries = queries;
		this.access = access;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	PageResponse<BookingResponse> json(@PathVariable UUID partnerId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) BookingStatus status,
			@RequestParam(required = false) UUID establishmentId, @RequestParam(required = false) UUID workspaceId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size);
		List<BookingResponse> rows = rows(partnerId, from, to, status, establishmentId, workspaceId).stream()
			.map(b -> BookingResponse.of(b, false))
			.toList();
		return PageResponse.slice(rows, query);
	}

	@GetMapping(produces = "text/csv")
	ResponseEntity<String> csv(@PathVariable UUID partnerId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) BookingStatus status,
			@RequestParam(required = false) UUID establishmentId, @RequestParam(required = false) UUID workspaceId) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';').setHeader(CSV_HEADER).get())) {
			for (Booking b : rows(partnerId, from, to, status, establishmentId, workspaceId)) {
				var p = b.price();
				BookingResponse.Booker booker = BookingResponse.Booker.of(b);
				printer.printRecord(b.id(), b.serviceDate(), ISO.format(b.start().atZone(b.timezone())),
						ISO.format(b.end().atZone(b.timezone())), b.workspaceName(), b.status(), p.unit(),
						p.quantity().toPlainString(), p.amountExclVat().currency().getCurrencyCode(),
						major(p.amountExclVat()), BigDecimal.valueOf(p.vatRate().bps(), 2).toPlainString(),
						major(p.vatAmount()), major(p.amountInclVat()),
						b.cancellationFee() == null ? "" : major(b.cancellationFee()),
						booker == null || booker.firstName() == null ? "" : booker.firstName(),
						booker == null || booker.email() == null ? "" : booker.email(),
						booker == null || booker.company() == null ? "" : booker.company());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header("Content-Disposition", "attachment; filename=\"bookings-" + partnerId + ".csv\"")
			.body(out.toString());
	}

	private List<Booking> rows(UUID partnerId, LocalDate from, LocalDate to, BookingStatus status, UUID establishmentId,
			UUID workspaceId) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId);
		return this.queries.ofPartner(partnerId, from, to, status, establishmentId, workspaceId);
	}

	static String major(Money money) {
		return BigDecimal.valueOf(money.amountMinor(), money.currency().getDefaultFractionDigits()).toPlainString();
	}

}
