package com.worklib.billing.invoice;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.worklib.platform.money.Money;

/**
 * Totals as EN 16931 computes them: lines are summed per VAT rate, VAT is computed once
 * per rate on that sum (rounded half up to the cent), and the document total is the sum
 * of the bases plus the sum of the VAT amounts. Statements use the same function, so a
 * statement and its invoice show the same figures.
 */
public record InvoiceTotals(Money exclVat, List<VatBreakdown> vatByRate, Money vat, Money inclVat) {

	public record VatBreakdown(int vatRateBps, Money base, Money vat) {
	}

	public record Line(Money amountExclVat, int vatRateBps) {
	}

	/** The totals of an invoice's (or a draft's) lines. */
	public static InvoiceTotals ofInvoiceLines(List<Invoice.Line> lines, Currency currency) {
		return of(lines.stream().map(l -> new Line(l.amountExclVat(), l.vatRateBps())).toList(), currency);
	}

	/**
	 * What the lines would total incl. VAT if VAT were rounded line by line, as each
	 * booking shows its own VAT: the statement and the invoice put it next to the real
	 * total so a partner sees the few cents EN 16931's per-rate rounding differs by.
	 */
	public static Money inclVatRoundedPerLine(List<Invoice.Line> lines, Currency currency) {
		Money total = Money.zero(currency);
		for (Invoice.Line line : lines) {
			total = total.plus(line.amountExclVat()).plus(line.amountExclVat().percentBps(line.vatRateBps()));
		}
		return total;
	}

	public static InvoiceTotals of(List<Line> lines, Currency currency) {
		Map<Integer, Money> bases = new TreeMap<>();
		for (Line line : lines) {
			bases.merge(line.vatRateBps(), line.amountExclVat(), Money::plus);
		}
		Money excl = Money.zero(currency);
		Money vat = Money.zero(currency);
		List<VatBreakdown> breakdown = new ArrayList<>();
		for (Map.Entry<Integer, Money> e : bases.entrySet()) {
			Money rateVat = e.getValue().percentBps(e.getKey());
			breakdown.add(new VatBreakdown(e.getKey(), e.getValue(), rateVat));
			excl = excl.plus(e.getValue());
			vat = vat.plus(rateVat);
		}
		return new InvoiceTotals(excl, List.copyOf(breakdown), vat, excl.plus(vat));
	}

}
