package com.worklib.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mustangproject.validator.ZUGFeRDValidator;

import com.worklib.billing.profile.BillingProfile;
import com.worklib.platform.money.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Plateforme Agréée checks before it accepts an invoice: the PDF is PDF/A-3
 * (veraPDF) and the embedded XML is valid EN 16931 (schematron), with zero errors, for
 * every kind of document billing issues.
 */
class FacturXValidationTest {

	final InvoiceDocument documents = new InvoiceDocument(new PlatformIdentity("Worklib SAS", "10 rue de la Paix",
			"75002", "Paris", "FR", "912345678", "FR12912345678"));

	/** Every document the close can issue. */
	enum Kind {

		/** Bookings at 20 % and 5,5 %, a late cancellation and a regularisation. */
		INVOICE,
		/**
		 * Regularisations that make the month negative: a self-billed credit note (261).
		 */
		CREDIT_NOTE,
		/** A partner under the franchise en base: no VAT, the art. 293 B mention. */
		FRANCHISE

	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void everyDocumentIsValidPdfA3AndEn16931(Kind kind) {
		Invoice invoice = switch (kind) {
			case INVOICE -> invoice("STANDARD", "FR64443061841", InvoiceType.INVOICE,
					List.of(line(1, "Salle Rhône", Invoice.LineKind.BOOKING, 3705, 2000, null),
							line(2, "Bureau 4", Invoice.LineKind.LATE_CANCELLATION, 1233, 550, null),
							line(3, "Salle Rhône", Invoice.LineKind.REGULARISATION, -1000, 2000, "ATEL-2026-00001")));
			case CREDIT_NOTE -> invoice("STANDARD", "FR64443061841", InvoiceType.CREDIT_NOTE,
					List.of(line(1, "Salle Rhône", Invoice.LineKind.REGULARISATION, -3500, 2000, "ATEL-2026-00001")));
			case FRANCHISE -> invoice("FRANCHISE", null, InvoiceType.INVOICE,
					List.of(line(1, "Desk 1", Invoice.LineKind.BOOKING, 2000, 0, null)));
		};
		byte[] pdf = this.documents.pdf(invoice);
		assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.");

		ZUGFeRDValidator validator = new ZUGFeRDValidator();
		String report = validator.validate(pdf, invoice.number() + ".pdf");
		assertThat(validator.wasCompletelyValid()).as(report).isTrue();
		assertThat(report).doesNotContain("<error");
	}

	private static Invoice invoice(String regime, String vat, InvoiceType type, List<Invoice.Line> lines) {
		BillingProfile seller = new BillingProfile(UUID.randomUUID(), "Atelier SAS", "SAS", "44306184100047", vat,
				BillingProfile.VatRegime.valueOf(regime),
				new BillingProfile.Address("12 rue de la République", null, "69002", "Lyon", "FR"),
				"billing@atelier.example", Instant.parse("2026-11-01T10:00:00Z"), UUID.randomUUID());
		return new Invoice(UUID.randomUUID(), seller.partnerId(), "2026-11", "ATEL-2026-00002", type,
				Instant.parse("2026-12-01T01:00:00Z"), InvoiceTotals.ofInvoiceLines(lines, Money.EUR), seller,
				"2026-11", InvoiceStatus.ISSUED, null, lines, 1);
	}

	private static Invoice.Line line(int no, String workspace, Invoice.LineKind kind, long minor, int vat,
			String regularises) {
		return new Invoice.Line(no, UUID.randomUUID(), LocalDate.of(2026, 11, 3 + no), workspace, kind,
				Money.eur(minor), vat, regularises);
	}

}
