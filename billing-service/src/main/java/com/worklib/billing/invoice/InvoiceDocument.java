package com.worklib.billing.invoice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.librepdf.openpdf.fonts.Liberation;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

import com.worklib.billing.profile.BillingProfile;
import com.worklib.platform.money.Money;

/**
 * The invoice as a document: a PDF with every mention of a French self-billed invoice
 * (DESIGN §7), carrying its Factur-X XML (EN 16931 profile, type code 389, or 261 for a
 * credit note) as an embedded PDF/A-3 attachment, made with the Mustang library.
 */
@Component
public class InvoiceDocument {

	static final String FRANCHISE_MENTION = "TVA non applicable, art. 293 B du CGI";

	static final String PAYMENT_TERMS = "Paiement par virement Stripe entre le 10 et le 15 du mois suivant l'émission";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

	private static final ZoneId PARIS = Invoice.BOOKS;

	private final PlatformIdentity platform;

	InvoiceDocument(PlatformIdentity platform) {
		this.platform = platform;
	}

	public byte[] pdf(Invoice invoice) {
		try {
			ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3().setProducer("Worklib billing-service")
				.setCreator("Worklib")
				.setProfile(Profiles.getByName("EN16931"))
				.load(visible(invoice));
			exporter.setTransaction(facturX(invoice));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			exporter.export(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The EN 16931 data of the invoice: the partner sells, Worklib buys and issues. */
	org.mustangproject.Invoice facturX(Invoice invoice) {
		BillingProfile seller = invoice.seller();
		YearMonth month = YearMonth.parse(invoice.month());
		LocalDate issued = LocalDate.ofInstant(invoice.issuedAt(), PARIS);
		TradeParty sellerParty = new TradeParty(seller.legalName(), seller.address().line1(),
				seller.address().postalCode(), seller.address().city(), seller.address().country())
			.setEmail(seller.billingEmail());
		if (seller.vatNumber() != null) {
			sellerParty.addVATID(seller.vatNumber());
		}
		sellerParty.setTaxID(seller.siret());
		// BT-30, the seller's legal registration: the SIRET (ISO 6523 scheme 0009), which
		// identifies a partner without a VAT number (franchise en base) too (BR-CO-26)
		sellerParty.setLegalOrganisation(
				new LegalOrganisation(new SchemedID().setScheme("0009").setId(seller.siret()), seller.legalName()));
		TradeParty buyer = new TradeParty(this.platform.legalName(), this.platform.street(), this.platform.postalCode(),
				this.platform.city(), this.platform.country())
			.addVATID(this.platform.vatNumber());
		org.mustangproject.Invoice facturX = new org.mustangproject.Invoice().setDocumentCode(invoice.typeCode())
			.setNumber(invoice.number())
			.setIssueDate(date(issued))
			.setDueDate(date(month.plusMonths(1).atDay(15).isAfter(issued) ? month.plusMonths(1).atDay(15)
					: issued.plusDays(15)))
			.setDetailedDeliveryPeriod(date(month.atDay(1)), date(month.atEndOfMonth()))
			.setDeliveryDate(date(month.atEndOfMonth()))
			.setCurrency(invoice.totals().exclVat().currency().getCurrencyCode())
			.setSender(sellerParty)
			.setRecipient(buyer)
			.setPaymentTermDescription(PAYMENT_TERMS)
			.addNote(
					"Autofacturation : facture émise par " + this.platform.legalName() + " au nom et pour le compte de "
							+ seller.legalName() + " (mandat d'autofacturation " + invoice.mandateVersion() + ")");
		if (seller.franchise()) {
			facturX.addNote(FRANCHISE_MENTION);
		}
		for (Invoice.Line line : invoice.lines()) {
			Product product = new Product(line.workspaceName(), describe(line), "C62",
					BigDecimal.valueOf(line.vatRateBps(), 2));
			if (seller.franchise()) {
				product.setTaxCategoryCode("E");
				product.setTaxExemptionReason(FRANCHISE_MENTION);
			}
			BigDecimal amount = major(line.amountExclVat());
			facturX.addItem(new Item(product, amount.abs(), BigDecimal.valueOf(amount.signum() < 0 ? -1 : 1)));
		}
		return facturX;
	}

	/** The human-readable pages, with every mandatory mention. */
	byte[] visible(Invoice invoice) {
		BillingProfile seller = invoice.seller();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		// PDF/A-3b: a 1.x header, XMP metadata, an sRGB output intent, every font
		// embedded
		writer.setPdfVersion(PdfWriter.VERSION_1_7);
		writer.setPDFXConformance(PdfWriter.PDFA3B);
		document.addTitle((invoice.type() == InvoiceType.CREDIT_NOTE ? "Avoir " : "Facture ") + invoice.number());
		document.addAuthor(this.platform.legalName());
		document.addCreator("Worklib");
		document.open();
		try {
			writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", SRGB);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		writer.createXmpMetadata();
		Font title = font(Liberation.SANS_BOLD, 16);
		Font bold = font(Liberation.SANS_BOLD, 9);
		Font normal = font(Liberation.SANS, 9);
		String kind = invoice.type() == InvoiceType.CREDIT_NOTE ? "Avoir" : "Facture";
		document.add(new Paragraph(kind + " n° " + invoice.number() + " — Autofacturation", title));
		document.add(new Paragraph("Émise le " + DATE.format(LocalDate.ofInstant(invoice.issuedAt(), PARIS))
				+ " · Période de service : " + YearMonth.parse(invoice.month()).atDay(1).format(DATE) + " au "
				+ YearMonth.parse(invoice.month()).atEndOfMonth().format(DATE), normal));
		document.add(new Paragraph("Facture émise par " + this.platform.legalName() + " au nom et pour le compte de "
				+ seller.legalName() + ", en vertu du mandat d'autofacturation " + invoice.mandateVersion() + ".",
				normal));
		PdfPTable parties = new PdfPTable(2);
		parties.setWidthPercentage(100);
		parties.setSpacingBefore(10);
		parties.addCell(cell(
				"Vendeur (partenaire)\n" + seller.legalName() + " (" + seller.legalForm() + ")\n"
						+ address(seller.address()) + "\nSIRET " + seller.siret() + "\n"
						+ (seller.vatNumber() != null ? "TVA " + seller.vatNumber() : "")
						+ (seller.franchise() ? (seller.vatNumber() != null ? "\n" : "") + FRANCHISE_MENTION : ""),
				normal));
		parties.addCell(cell("Acheteur et émetteur\n" + this.platform.legalName() + "\n" + this.platform.street() + "\n"
				+ this.platform.postalCode() + " " + this.platform.city() + " (" + this.platform.country() + ")\nSIREN "
				+ this.platform.siren() + "\nTVA " + this.platform.vatNumber(), normal));
		document.add(parties);
		PdfPTable lines = new PdfPTable(new float[] { 2, 4, 3, 1.5f, 2 });
		lines.setWidthPercentage(100);
		lines.setSpacingBefore(10);
		for (String header : new String[] { "Date", "Espace", "Nature", "TVA", "Montant HT" }) {
			lines.addCell(cell(header, bold));
		}
		for (Invoice.Line line : invoice.lines()) {
			lines.addCell(cell(line.serviceDate().format(DATE), normal));
			lines.addCell(cell(line.workspaceName(), normal));
			lines.addCell(cell(describe(line), normal));
			lines.addCell(cell(percent(line.vatRateBps()), normal));
			lines.addCell(right(euros(line.amountExclVat()), normal));
		}
		document.add(lines);
		PdfPTable totals = new PdfPTable(new float[] { 4, 2 });
		totals.setWidthPercentage(50);
		totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
		totals.setSpacingBefore(10);
		totals.addCell(cell("Total HT", bold));
		totals.addCell(right(euros(invoice.totals().exclVat()), bold));
		for (InvoiceTotals.VatBreakdown vat : invoice.totals().vatByRate()) {
			totals.addCell(cell("TVA " + percent(vat.vatRateBps()) + " sur " + euros(vat.base()), normal));
			totals.addCell(right(euros(vat.vat()), normal));
		}
		totals.addCell(cell("Total TTC", bold));
		totals.addCell(right(euros(invoice.totals().inclVat()), bold));
		document.add(totals);
		document.add(new Paragraph(PAYMENT_TERMS + ".", normal));
		document.close();
		return out.toByteArray();
	}

	private static String describe(Invoice.Line line) {
		return switch (line.kind()) {
			case LATE_CANCELLATION -> "Annulation tardive";
			case REGULARISATION -> "Régularisation"
					+ (line.regularisesNumber() != null ? " de la facture " + line.regularisesNumber() : "");
			case BOOKING -> "Réservation";
		};
	}

	private static String address(BillingProfile.Address a) {
		return a.line1() + (a.line2() != null ? "\n" + a.line2() : "") + "\n" + a.postalCode() + " " + a.city() + " ("
				+ a.country() + ")";
	}

	/**
	 * The sRGB profile every page's colours refer to (the output intent PDF/A requires).
	 */
	private static final java.awt.color.ICC_Profile SRGB = java.awt.color.ICC_Profile
		.getInstance(java.awt.color.ColorSpace.CS_sRGB);

	private static Font font(Liberation face, int size) {
		try {
			return face.create(size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PdfPCell cell(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(4);
		return cell;
	}

	private static PdfPCell right(String text, Font font) {
		PdfPCell cell = cell(text, font);
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		return cell;
	}

	static BigDecimal major(Money money) {
		return BigDecimal.valueOf(money.amountMinor(), money.currency().getDefaultFractionDigits());
	}

	private static String euros(Money money) {
		return major(money).toPlainString().replace('.', ',') + " €";
	}

	private static String percent(int bps) {
		return BigDecimal.valueOf(bps, 2).stripTrailingZeros().toPlainString().replace('.', ',') + " %";
	}

	private static Date date(LocalDate date) {
		return Date.from(date.atStartOfDay(PARIS).toInstant());
	}

}
