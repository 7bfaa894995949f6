package com.worklib.billing.invoice;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.worklib.platform.money.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * VAT is computed per rate on the sum of the lines (EN 16931 BR-CO-17), never per line.
 */
class InvoiceTotalsTest {

	@Test
	void aThousandBookingsAt1235ExclVatAndTwentyPercent() {
		List<InvoiceTotals.Line> lines = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			lines.add(new InvoiceTotals.Line(Money.eur(1235), 2000));
		}
		InvoiceTotals totals = InvoiceTotals.of(lines, Money.EUR);
		assertThat(totals.exclVat()).isEqualTo(Money.eur(1_235_000));
		assertThat(totals.vatByRate())
			.containsExactly(new InvoiceTotals.VatBreakdown(2000, Money.eur(1_235_000), Money.eur(247_000)));
		assertThat(totals.inclVat()).isEqualTo(Money.eur(1_482_000));
	}

	@Test
	void roundsVatOnceOnTheSumWherePerLineRoundingWouldDrift() {
		// 12.33 € at 5.5 % is 0.67815 € per line: 0.68 × 1000 = 680.00 € rounded per
		// line,
		// 678.15 € on the sum, which is what the invoice must say
		List<InvoiceTotals.Line> lines = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			lines.add(new InvoiceTotals.Line(Money.eur(1233), 550));
		}
		lines.add(new InvoiceTotals.Line(Money.eur(10_000), 2000));
		InvoiceTotals totals = InvoiceTotals.of(lines, Money.EUR);
		assertThat(totals.vatByRate()).containsExactly(
				new InvoiceTotals.VatBreakdown(550, Money.eur(1_233_000), Money.eur(67_815)),
				new InvoiceTotals.VatBreakdown(2000, Money.eur(10_000), Money.eur(2_000)));
		assertThat(totals.vat()).isEqualTo(Money.eur(69_815));
		assertThat(totals.inclVat()).isEqualTo(Money.eur(1_243_000 + 69_815));
	}

	@Test
	void aNegativeSumGivesNegativeTotals() {
		InvoiceTotals totals = InvoiceTotals.of(List.of(new InvoiceTotals.Line(Money.eur(-3500), 2000)), Money.EUR);
		assertThat(totals.vat()).isEqualTo(Money.eur(-700));
		assertThat(totals.inclVat()).isEqualTo(Money.eur(-4200));
	}

}
