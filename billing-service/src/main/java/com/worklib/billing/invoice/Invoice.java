package com.worklib.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.worklib.billing.profile.BillingProfile;
import com.worklib.contracts.billing.InvoicePayload;
import com.worklib.platform.money.Money;

/**
 * An issued self-billing document, never changed after issue except its payment status.
 *
 * @param type INVOICE (UNTDID 1001 code 389, self-billed invoice) or CREDIT_NOTE (261,
 * self-billed credit note) when regularisations make the total negative
 * @param seller the partner's billing information as it was at issue
 */
public record Invoice(UUID invoiceId, UUID partnerId, String month, String number, InvoiceType type, Instant issuedAt,
		InvoiceTotals totals, BillingProfile seller, String mandateVersion, InvoiceStatus status, String statusReason,
		List<Line> lines, long version) {

	/** Invoice dates and numbering years are those of Worklib's books: Paris. */
	public static final ZoneId BOOKS = ZoneId.of("Europe/Paris");

	/** What an invoice line bills. */
	public enum LineKind {

		/** A confirmed booking of the month. */
		BOOKING,
		/** The fee of a booking cancelled late. */
		LATE_CANCELLATION,
		/** A change to a booking of a month already invoiced. */
		REGULARISATION

	}

	/**
	 * @param regularisesNumber the invoice a regularisation corrects
	 * @param unit what the amount is made of, with {@code quantity} and
	 * {@code unitPriceExclVat} (quantity × unit price, rounded, is the amount); null when
	 * they do not explain it (a regularisation is a difference)
	 */
	public record Line(int lineNo, UUID bookingId, LocalDate serviceDate, String workspaceName, LineKind kind,
			Money amountExclVat, int vatRateBps, String regularisesNumber, String unit, java.math.BigDecimal quantity,
			Money unitPriceExclVat) {

		/** A line without unit, quantity and unit price. */
		public Line(int lineNo, UUID bookingId, LocalDate serviceDate, String workspaceName, LineKind kind,
				Money amountExclVat, int vatRateBps, String regularisesNumber) {
			this(lineNo, bookingId, serviceDate, workspaceName, kind, amountExclVat, vatRateBps, regularisesNumber,
					null, null, null);
		}

	}

	public String typeCode() {
		return this.type.untdidCode();
	}

	/** The partner was paid; empty when it already was. */
	public Optional<Invoice> paid() {
		return withStatus(InvoiceStatus.PAID, null);
	}

	/** The payout failed for good, for {@code reason}; empty when nothing changes. */
	public Optional<Invoice> paymentFailed(String reason) {
		return withStatus(InvoiceStatus.PAYMENT_FAILED, reason);
	}

	private Optional<Invoice> withStatus(InvoiceStatus next, String reason) {
		if (this.status == next && Objects.equals(this.statusReason, reason)) {
			return Optional.empty();
		}
		return Optional
			.of(new Invoice(this.invoiceId, this.partnerId, this.month, this.number, this.type, this.issuedAt,
					this.totals, this.seller, this.mandateVersion, next, reason, this.lines, this.version + 1));
	}

	/** The same invoice with the number its series gave it. */
	public Invoice numbered(String number) {
		return new Invoice(this.invoiceId, this.partnerId, this.month, number, this.type, this.issuedAt, this.totals,
				this.seller, this.mandateVersion, this.status, this.statusReason, this.lines, this.version);
	}

	/** The same invoice with its lines, as read from storage. */
	public Invoice withLines(List<Line> lines) {
		return new Invoice(this.invoiceId, this.partnerId, this.month, this.number, this.type, this.issuedAt,
				this.totals, this.seller, this.mandateVersion, this.status, this.statusReason, List.copyOf(lines),
				this.version);
	}

	/** The invoice as {@code billing.invoices.v1} carries it. */
	public InvoicePayload payload() {
		return new InvoicePayload(this.invoiceId, this.partnerId, this.number, this.month, this.issuedAt,
				this.totals.exclVat().toWire(), this.totals.vat().toWire(), this.totals.inclVat().toWire(),
				this.status.name(), this.seller == null ? null : this.seller.billingEmail(), this.version,
				this.lines.stream()
					.map(l -> new InvoicePayload.Line(l.lineNo(), l.bookingId(), l.serviceDate(), l.kind().name(),
							l.amountExclVat().toWire(), l.vatRateBps(), l.regularisesNumber(), l.unit(),
							l.quantity() == null ? null : l.quantity().stripTrailingZeros().toPlainString(),
							l.unitPriceExclVat() == null ? null : l.unitPriceExclVat().toWire()))
					.toList());
	}

}
