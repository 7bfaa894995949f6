package com.worklib.billing.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.billing.profile.BillingProfile;
import com.worklib.billing.profile.BillingProfiles;
import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.InvoicePayload;
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

	/** Invoice dates and numbering years are those of Worklib's books: Paris. */
	public static final ZoneId BOOKS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;

	private final Invoices invoices;

	private final BillingProfiles profiles;

	private final EventPublisher events;

	private final Clock clock;

	InvoiceIssuer(JdbcClient jdbc, Invoices invoices, BillingProfiles profiles, EventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.invoices = invoices;
		this.profiles = profiles;
		this.events = events;
		this.clock = clock;
	}

	/** What closing a partner's month did. */
	public record Outcome(String outcome, String reason, UUID invoiceId) {

		static Outcome invoiced(UUID invoiceId) {
			return new Outcome("INVOICED", null, invoiceId);
		}

		static Outcome skipped(String reason) {
			return new Outcome("SKIPPED", reason, null);
		}

	}

	@Transactional
	public Outcome close(UUID partnerId, YearMonth month) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('billing-close:' || CAST(:p AS text), 0))")
			.param("p", partnerId)
			.query(Object.class)
			.single();
		Partner partner = partner(partnerId, month);
		if (partner.existingInvoice() != null) {
			return Outcome.invoiced(partner.existingInvoice());
		}
		if (partner.profile() == null) {
			return Outcome.skipped("Billing information is missing (Settings > Billing information)");
		}
		if (partner.mandateVersion() == null) {
			return Outcome.skipped("The self-billing mandate has not been accepted by an owner");
		}
		if (partner.code() == null) {
			return Outcome.skipped("The partner is not known to billing yet (no venue event received)");
		}
		UUID invoiceId = UUID.randomUUID();
		List<OpenItem> items = takeOpenItems(partnerId, month, invoiceId);
		if (items.isEmpty()) {
			return new Outcome("NOTHING_TO_INVOICE", null, null);
		}
		Currency currency = items.get(0).currency();
		List<Invoice.Line> lines = lines(items, month, partner.profile().franchise());
		InvoiceTotals totals = InvoiceTotals.ofInvoiceLines(lines, currency);
		Instant now = this.clock.instant();
		int year = LocalDate.ofInstant(now, BOOKS).getYear();
		int seq = this.jdbc.sql("""
				INSERT INTO invoice_series (partner_id, year, last_seq) VALUES (:p, :y, 1)
				ON CONFLICT (partner_id, year) DO UPDATE SET last_seq = invoice_series.last_seq + 1
				RETURNING last_seq
				""").param("p", partnerId).param("y", year).query(Integer.class).single();
		Invoice invoice = new Invoice(invoiceId, partnerId, month.toString(),
				"%s-%d-%05d".formatted(partner.code(), year, seq),
				totals.inclVat().amountMinor() < 0 ? InvoiceType.CREDIT_NOTE : InvoiceType.INVOICE, now, totals,
				partner.profile(), partner.mandateVersion(), "ISSUED", null, List.copyOf(lines), 1);
		this.invoices.insert(invoice);
		this.events.publish(Topics.BILLING_INVOICES, partnerId.toString(), EventTypes.INVOICE_ISSUED,
				invoice.invoiceId().toString(), payload(invoice));
		return Outcome.invoiced(invoice.invoiceId());
	}

	/**
	 * What closing needs to know about the partner, read in one round trip: the month's
	 * invoice if already issued, the billing profile, the accepted mandate's version and
	 * the partner's code (each null when missing).
	 */
	private Partner partner(UUID partnerId, YearMonth month) {
		return this.jdbc.sql("""
				SELECT (SELECT invoice_id FROM invoice WHERE partner_id = :p AND month = :m) AS existing_invoice,
				  (SELECT mandate_version FROM self_billing_mandate WHERE partner_id = :p) AS mandate_version,
				  (SELECT code FROM billing_partner WHERE partner_id = :p) AS partner_code, profile.*
				FROM (SELECT 1) AS one LEFT JOIN billing_profile profile ON profile.partner_id = :p
				""")
			.param("p", partnerId)
			.param("m", month.toString())
			.query((rs, i) -> new Partner(rs.getObject("existing_invoice", UUID.class), BillingProfiles.mapOrNull(rs),
					rs.getString("mandate_version"), rs.getString("partner_code")))
			.single();
	}

	private record Partner(UUID existingInvoice, BillingProfile profile, String mandateVersion, String code) {
	}

	static InvoicePayload payload(Invoice invoice) {
		return new InvoicePayload(invoice.invoiceId(), invoice.partnerId(), invoice.number(), invoice.month(),
				invoice.issuedAt(), invoice.totals().exclVat().toWire(), invoice.totals().vat().toWire(),
				invoice.totals().inclVat().toWire(), invoice.status(),
				invoice.seller() == null ? null : invoice.seller().billingEmail(), invoice.version());
	}

	/**
	 * The lines the partner's invoice for {@code month} would have if it were issued now:
	 * what the statement of an open month shows.
	 */
	public List<Invoice.Line> draft(UUID partnerId, YearMonth month) {
		boolean franchise = this.profiles.find(partnerId).map(BillingProfile::franchise).orElse(false);
		return lines(openItems(partnerId, month), month, franchise);
	}

	private static List<Invoice.Line> lines(List<OpenItem> items, YearMonth month, boolean franchise) {
		List<Invoice.Line> lines = new ArrayList<>();
		for (OpenItem item : items) {
			Money amount = new Money(item.amountMinor() - item.invoicedMinor(), item.currency());
			String kind = item.regularisesNumber() != null || !item.month().equals(month.toString()) ? "REGULARISATION"
					: item.kind();
			lines.add(new Invoice.Line(lines.size() + 1, item.bookingId(), item.serviceDate(), item.workspaceName(),
					kind, amount, franchise ? 0 : item.vatRateBps(), item.regularisesNumber()));
		}
		return lines;
	}

	/**
	 * Marks the open items ({@link #OPEN_ITEMS}) invoiced by {@code invoiceId} and
	 * returns them as they were: one statement that reads, locks and writes each row
	 * once. The amount is the row's current one (the update holds its lock); what was
	 * invoiced before only changes under the per-partner close lock the caller holds.
	 */
	private List<OpenItem> takeOpenItems(UUID partnerId, YearMonth month, UUID invoiceId) {
		List<OpenItem> items = new ArrayList<>(this.jdbc.sql("""
				UPDATE billable_item t SET invoiced_excl_minor = t.amount_excl_minor,
				  first_invoice_id = COALESCE(t.first_invoice_id, :invoice)
				FROM (%s) o
				WHERE t.booking_id = o.booking_id AND t.amount_excl_minor <> o.invoiced_excl_minor
				RETURNING o.booking_id, o.service_date, o.service_month, t.kind, t.amount_excl_minor,
				  o.invoiced_excl_minor, t.currency, t.vat_rate_bps, o.workspace_name, o.regularises_number
				""".formatted(OPEN_ITEMS))
			.param("invoice", invoiceId)
			.param("p", partnerId)
			.param("m", month.toString())
			.query(InvoiceIssuer::openItem)
			.list());
		items.sort(java.util.Comparator.comparing(OpenItem::serviceDate).thenComparing(OpenItem::bookingId));
		return items;
	}

	/**
	 * The month's items not invoiced yet, and the changes to items of months already
	 * invoiced to this partner (regularisations). Names and original invoice numbers are
	 * looked up per row by primary key: joins let the planner hash whole tables that grow
	 * every month (all invoices, all workspaces) once per partner closed.
	 */
	private static final String OPEN_ITEMS = """
			SELECT i.booking_id, i.service_date, i.service_month, i.kind, i.amount_excl_minor, i.invoiced_excl_minor,
			  i.currency, i.vat_rate_bps,
			  COALESCE((SELECT w.name FROM billing_workspace w WHERE w.workspace_id = i.workspace_id),
			    'Workspace ' || left(CAST(i.workspace_id AS text), 8)) AS workspace_name,
			  CASE WHEN i.first_invoice_id IS NOT NULL
			    THEN (SELECT f.number FROM invoice f WHERE f.invoice_id = i.first_invoice_id) END AS regularises_number
			FROM billable_item i
			WHERE i.partner_id = :p AND i.amount_excl_minor <> i.invoiced_excl_minor
			  AND (i.service_month = :m
			       OR (i.service_month < :m AND i.service_month IN (SELECT c.month FROM invoice c WHERE c.partner_id = :p)))
			""";

	private static OpenItem openItem(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new OpenItem(rs.getObject("booking_id", UUID.class), rs.getObject("service_date", LocalDate.class),
				rs.getString("service_month"), rs.getString("kind"), rs.getLong("amount_excl_minor"),
				rs.getLong("invoiced_excl_minor"), Currency.getInstance(rs.getString("currency")),
				rs.getInt("vat_rate_bps"), rs.getString("workspace_name"), rs.getString("regularises_number"));
	}

	private List<OpenItem> openItems(UUID partnerId, YearMonth month) {
		return this.jdbc.sql(OPEN_ITEMS + " ORDER BY i.service_date, i.booking_id")
			.param("p", partnerId)
			.param("m", month.toString())
			.query(InvoiceIssuer::openItem)
			.list();
	}

	record OpenItem(UUID bookingId, LocalDate serviceDate, String month, String kind, long amountMinor,
			long invoicedMinor, Currency currency, int vatRateBps, String workspaceName, String regularisesNumber) {
	}

}
