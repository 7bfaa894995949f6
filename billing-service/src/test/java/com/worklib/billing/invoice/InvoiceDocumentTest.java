package com.worklib.billing.invoice;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;

import com.worklib.billing.profile.BillingProfile;
import com.worklib.platform.money.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF a partner downloads: every mandatory mention in its text, and a Factur-X XML
 * inside whose totals are the invoice's.
 */
class InvoiceDocumentTest {

	final InvoiceDocument documents = new InvoiceDocument(new PlatformIdentity("Worklib SAS", "10 rue de la Paix",
			"75002", "Paris", "FR", "912345678", "FR12912345678"));

	@Test
	void aStandardInvoiceCarriesItsMentionsAndAFacturXWithTheSameTotals() throws Exception {
		Invoice invoice = invoice("STANDARD", "FR64443061841",
				List.of(line(1, "Salle Rhône", "BOOKING", 3500, 2000, null),
						line(2, "Bureau 4", "LATE_CANCELLATION", 1233, 550, null),
						line(3, "Salle Rhône", "REGULARISATION", -1000, 2000, "ATEL-2026-00001")));
		byte[] pdf = this.documents.pdf(invoice);

		String text = text(pdf);
		assertThat(text).contains("Autofacturation", "ATEL-2026-00002", "au nom et pour le compte de Atelier SAS",
				"SIRET 44306184100047", "TVA FR64443061841", "Worklib SAS", "SIREN 912345678", "TVA FR12912345678",
				"01/11/2026 au 30/11/2026", "Total HT", "TVA 20 %", "TVA 5,5 %", "Total TTC", "entre le 10 et le 15",
				"Régularisation de la facture ATEL-2026-00001");

		ZUGFeRDImporter xml = new ZUGFeRDImporter(new ByteArrayInputStream(pdf));
		assertThat(xml.getUTF8()).contains("urn:cen.eu:en16931:2017");
		assertThat(xml.getDocumentCode()).isEqualTo("389");
		assertThat(xml.getInvoiceID()).isEqualTo("ATEL-2026-00002");
		assertThat(new BigDecimal(xml.getTaxBasisTotalAmount()))
			.isEqualByComparingTo(InvoiceDocument.major(invoice.totals().exclVat()));
		assertThat(new BigDecimal(xml.getTaxTotalAmount()))
			.isEqualByComparingTo(InvoiceDocument.major(invoice.totals().vat()));
		assertThat(xml.getUTF8()).contains("FR64443061841");
	}

	@Test
	void aFranchisePartnersInvoiceSaysArticle293BAndChargesNoVat() throws Exception {
		Invoice invoice = invoice("FRANCHISE", null, List.of(line(1, "Desk 1", "BOOKING", 2000, 0, null)));
		byte[] pdf = this.documents.pdf(invoice);
		assertThat(text(pdf)).contains("TVA non applicable, art. 293 B du CGI", "Autofacturation");
		ZUGFeRDImporter xml = new ZUGFeRDImporter(new ByteArrayInputStream(pdf));
		assertThat(new BigDecimal(xml.getTaxTotalAmount())).isEqualByComparingTo("0");
		assertThat(new BigDecimal(xml.getTaxBasisTotalAmount())).isEqualByComparingTo("20.00");
		assertThat(xml.getUTF8()).contains("<ram:CategoryCode>E</ram:CategoryCode>", "art. 293 B du CGI")
			.doesNotContain("<ram:CategoryCode>S</ram:CategoryCode>");
	}

	private static Invoice invoice(String regime, String vat, List<Invoice.Line> lines) {
		BillingProfile seller = new BillingProfile(UUID.randomUUID(), "Atelier SAS", "SAS", "44306184100047", vat,
				BillingProfile.VatRegime.valueOf(regime),
				new BillingProfile.Address("12 rue de la République", null, "69002", "Lyon", "FR"),
				"billing@atelier.example", Instant.parse("2026-11-01T10:00:00Z"), UUID.randomUUID());
		InvoiceTotals totals = InvoiceTotals.ofInvoiceLines(lines, Money.EUR);
		return new Invoice(UUID.randomUUID(), seller.partnerId(), "2026-11", "ATEL-2026-00002", InvoiceType.INVOICE,
				Instant.parse("2026-12-01T01:00:00Z"), totals, seller, "2026-11", InvoiceStatus.ISSUED, null, lines, 1);
	}

	private static Invoice.Line line(int no, String workspace, String kind, long minor, int vat, String regularises) {
		return new Invoice.Line(no, UUID.randomUUID(), LocalDate.of(2026, 11, 3 + no), workspace,
				Invoice.LineKind.valueOf(kind), Money.eur(minor), vat, regularises);
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// table cells wrap: compare words, not line breaks
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

}
