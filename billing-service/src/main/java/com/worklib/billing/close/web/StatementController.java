package com.worklib.billing.close.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.billing.close.StatementService;
import com.worklib.billing.invoice.Invoice;
import com.worklib.billing.invoice.InvoiceTotals;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.money.Money;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;

/**
 * A partner's monthly statement, for any member: what the month bills so far, or what was
 * invoiced. Another partner's member gets 404.
 */
@RestController
@RequestMapping("${worklib.api.base-path}")
class StatementController {

	private final StatementService statements;

	private final PartnerAccess access;

	StatementController(StatementService statements, PartnerAccess access) {
		this.statements = statements;
		this.access = access;
	}

	@GetMapping("/partners/{partnerId}/statements/{month}")
	StatementResponse statement(@PathVariable UUID partnerId, @PathVariable String month) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId);
		return StatementResponse.of(this.statements.statement(partnerId, month(month)));
	}

	static YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw FieldValidationException.of("month", "must be a month as YYYY-MM");
		}
	}

	/**
	 * {@code linesInclVatRoundedPerLine} (added 2026-12): the lines' total incl. VAT had
	 * VAT been rounded line by line, next to {@code totals.inclVat} (once per rate).
	 */
	record StatementResponse(String month, String status, List<StatementLine> lines, InvoiceTotals totals,
			UUID invoiceId, String invoiceNumber, Money linesInclVatRoundedPerLine) {

		static StatementResponse of(StatementService.Statement s) {
			return new StatementResponse(s.month().toString(), s.status().name(),
					s.lines().stream().map(StatementLine::of).toList(), s.totals(), s.invoiceId(), s.invoiceNumber(),
					InvoiceTotals.inclVatRoundedPerLine(s.lines(), s.totals().inclVat().currency()));
		}

	}

	/**
	 * {@code unit}, {@code quantity}, {@code unitPriceExclVat}: added 2026-12, null on
	 * regularisations.
	 */
	record StatementLine(UUID bookingId, LocalDate serviceDate, String workspaceName, Money amountExclVat,
			int vatRateBps, String kind, String regularisesNumber, String unit, java.math.BigDecimal quantity,
			Money unitPriceExclVat) {

		static StatementLine of(Invoice.Line l) {
			return new StatementLine(l.bookingId(), l.serviceDate(), l.workspaceName(), l.amountExclVat(),
					l.vatRateBps(), l.kind().name(), l.regularisesNumber(), l.unit(), l.quantity(),
					l.unitPriceExclVat());
		}

	}

}
