package com.worklib.billing.close;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.billing.invoice.Invoice;
import com.worklib.billing.invoice.InvoiceRepository;
import com.worklib.billing.invoice.InvoiceStatus;
import com.worklib.billing.invoice.InvoiceTotals;
import com.worklib.billing.invoice.InvoiceType;
import com.worklib.billing.profile.BillingProfileRepository;
import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.MonthNotInvoicedPayload;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.money.Money;

/**
 * Closes one partner's month in one transaction: under a per-partner lock, lock the open
 * items, take the next number of the partner's gap-free series, write the invoice and its
 * lines, mark the items invoiced and publish {@code InvoiceIssued}. Running it again for
 * the same partner and month issues nothing more.
 */
@Service
public class InvoiceIssuer {

	private final JdbcClient jdbc;

	private final BillableItemRepository items;

	private final InvoiceRepository invoices;

	private final BillingProfileRepository profiles;

	private final EventPublisher events;

	private final Clock clock;

	InvoiceIssuer(JdbcClient jdbc, BillableItemRepository items, InvoiceRepository invoices,
			BillingProfileRepository profiles, EventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.items = items;
		this.invoices = invoices;
		this.profiles = profiles;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What closing a partner's month did.
	 *
	 * @param reason why it was skipped (what the partner must complete)
	 */
	public record Outcome(Kind outcome, String reason, UUID invoiceId) {

		/**
		 * INVOICED (now or before), SKIPPED (billing information or mandate missing), or
		 * nothing to invoice.
		 */
		public enum Kind {

			INVOICED, SKIPPED, NOTHING_TO_INVOICE

		}

		static Outcome invoiced(UUID invoiceId) {
			return new Outcome(Kind.INVOICED, null, invoiceId);
		}

		static Outcome skipped(String reason) {
			return new Outcome(Kind.SKIPPED, reason, null);
		}

	}

	@Transactional
	public Outcome close(UUID partnerId, YearMonth month) {
		return close(partnerId, month, null);
	}

	/**
	 * Closes the month for a closing; a month skipped for what the partner must complete
	 * is announced ({@code PartnerMonthNotInvoiced}, so the partner is told) when it had
	 * something to invoice.
	 */
	@Transactional
	public Outcome close(UUID partnerId, YearMonth month, UUID closingId) {
		String code = lockAndReadCode(partnerId);
		InvoiceRepository.Issued issued = this.invoices.issued(partnerId);
		java.util.Optional<UUID> existing = issued.of(month);
		if (existing.isPresent()) {
			return Outcome.invoiced(existing.get());
		}
		BillingProfileRepository.Seller seller = this.profiles.seller(partnerId);
		if (seller.profile() == null) {
			announceNotInvoiced(partnerId, month, issued, "BILLING_INFORMATION_MISSING", closingId);
			return Outcome.skipped("Billing information is missing (Settings > Billing information)");
		}
		if (seller.mandateVersion() == null) {
			announceNotInvoiced(partnerId, month, issued, "MANDATE_NOT_ACCEPTED", closingId);
			return Outcome.skipped("The self-billing mandate has not been accepted by an owner");
		}
		if (code == null) {
			return Outcome.skipped("The partner is not known to billing yet (no venue event received)");
		}
		UUID invoiceId = UUID.randomUUID();
		List<BillableItemRepository.OpenItem> open = this.items.takeOpen(partnerId, month, issued.months(), invoiceId);
		if (open.isEmpty()) {
			return new Outcome(Outcome.Kind.NOTHING_TO_INVOICE, null, null);
		}
		List<Invoice.Line> lines = lines(open, month, issued, seller.profile().franchise());
		InvoiceTotals totals = InvoiceTotals.ofInvoiceLines(lines, open.get(0).toInvoice().currency());
		Instant now = this.clock.instant();
		Invoice invoice = this.invoices.issue(
				new Invoice(invoiceId, partnerId, month.toString(), null,
						totals.inclVat().amountMinor() < 0 ? InvoiceType.CREDIT_NOTE : InvoiceType.INVOICE, now, totals,
						seller.profile(), seller.mandateVersion(), InvoiceStatus.ISSUED, null, List.copyOf(lines), 1),
				code);
		this.events.publish(Topics.BILLING_INVOICES, partnerId.toString(), EventTypes.INVOICE_ISSUED,
				invoice.invoiceId().toString(), invoice.payload());
		return Outcome.invoiced(invoice.invoiceId());
	}

	private void announceNotInvoiced(UUID partnerId, YearMonth month, InvoiceRepository.Issued issued, String reason,
			UUID closingId) {
		List<BillableItemRepository.OpenItem> open = this.items.open(partnerId, month, issued.months());
		if (open.isEmpty()) {
			return;
		}
		Money waiting = open.stream().map(BillableItemRepository.OpenItem::toInvoice).reduce(Money::plus).orElseThrow();
		this.events.publish(Topics.BILLING_INVOICES, partnerId.toString(), EventTypes.PARTNER_MONTH_NOT_INVOICED,
				partnerId + ":" + month, new MonthNotInvoicedPayload(partnerId, month.toString(), reason, open.size(),
						waiting.toWire(), closingId));
	}

	/**
	 * Takes the per-partner close lock, and reads the partner's code (the prefix of its
	 * numbers, null when venue's event has not arrived) in the same round trip.
	 */
	private String lockAndReadCode(UUID partnerId) {
		return this.jdbc.sql("""
				SELECT (SELECT code FROM billing_partner WHERE partner_id = :p) AS code
				FROM (SELECT pg_advisory_xact_lock(hashtextextended('billing-close:' || CAST(:p AS text), 0))) AS locked
				""").param("p", partnerId).query(String.class).optional().orElse(null);
	}

	/**
	 * The lines the partner's invoice for {@code month} would have if it were issued now:
	 * what the statement of an open month shows.
	 */
	public List<Invoice.Line> draft(UUID partnerId, YearMonth month) {
		InvoiceRepository.Issued issued = this.invoices.issued(partnerId);
		boolean franchise = this.profiles.find(partnerId).map(p -> p.franchise()).orElse(false);
		return lines(this.items.open(partnerId, month, issued.months()), month, issued, franchise);
	}

	/**
	 * One line per item, its amount excluding VAT unchanged from the booking's frozen
	 * price; a change to an item of an earlier month is a regularisation of the invoice
	 * that billed it first.
	 */
	private static List<Invoice.Line> lines(List<BillableItemRepository.OpenItem> open, YearMonth month,
			InvoiceRepository.Issued issued, boolean franchise) {
		List<Invoice.Line> lines = new ArrayList<>(open.size());
		for (BillableItemRepository.OpenItem item : open) {
			String regularises = item.firstInvoiceId() == null ? null : issued.numbers().get(item.firstInvoiceId());
			Invoice.LineKind kind = regularises != null || !item.month().equals(month) ? Invoice.LineKind.REGULARISATION
					: switch (item.kind()) {
						case BOOKING -> Invoice.LineKind.BOOKING;
						case LATE_CANCELLATION -> Invoice.LineKind.LATE_CANCELLATION;
						// an open item that bills nothing undoes what an invoice billed
						case NOTHING -> Invoice.LineKind.REGULARISATION;
					};
			boolean explained = kind != Invoice.LineKind.REGULARISATION && explains(item);
			lines.add(new Invoice.Line(lines.size() + 1, item.bookingId(), item.serviceDate(), item.workspaceName(),
					kind, item.toInvoice(), franchise ? 0 : item.vatRateBps(), regularises,
					explained ? item.unit() : null, explained ? item.quantity() : null,
					explained ? item.unitPriceExclVat() : null));
		}
		return lines;
	}

	/**
	 * Whether quantity × unit price, rounded half up to the cent, is the amount to
	 * invoice.
	 */
	private static boolean explains(BillableItemRepository.OpenItem item) {
		if (item.unit() == null || item.quantity() == null || item.unitPriceExclVat() == null) {
			return false;
		}
		long product = java.math.BigDecimal.valueOf(item.unitPriceExclVat().amountMinor())
			.multiply(item.quantity())
			.setScale(0, java.math.RoundingMode.HALF_UP)
			.longValueExact();
		return product == item.toInvoice().amountMinor();
	}

}
