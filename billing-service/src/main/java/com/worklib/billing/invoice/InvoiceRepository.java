package com.worklib.billing.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import com.worklib.billing.profile.BillingProfile;
import com.worklib.platform.money.Money;

/** Stored invoices, their lines and each partner's gap-free number series. */
@Repository
public class InvoiceRepository {

	private static final TypeReference<List<StoredVat>> VAT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	InvoiceRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Numbers and writes the invoice and its lines in one statement, whatever the number
	 * of lines (a month may have thousands): the next number of the partner's series for
	 * the year of issue (Paris) is taken in the caller's transaction, so the series row
	 * stays locked until it commits and numbers have no gap; the lines' columns travel as
	 * arrays that PostgreSQL unnests, instead of one bind parameter per value.
	 * @param invoice the invoice without its number
	 * @param prefix the partner's code, the numbers' prefix ({@code ATEL-2026-00001})
	 * @return the invoice with its number
	 */
	public Invoice issue(Invoice invoice, String prefix) {
		String currency = invoice.totals().exclVat().currency().getCurrencyCode();
		List<Invoice.Line> lines = invoice.lines();
		String number = this.jdbc
			.sql("""
					WITH seq AS (
					  INSERT INTO invoice_series (partner_id, year, last_seq) VALUES (:partner, :year, 1)
					  ON CONFLICT (partner_id, year) DO UPDATE SET last_seq = invoice_series.last_seq + 1
					  RETURNING CAST(last_seq AS text) AS n),
					issued AS (
					  INSERT INTO invoice (invoice_id, partner_id, month, number, type, issued_at, currency, total_excl_minor,
					    total_vat_minor, total_incl_minor, vat_breakdown, seller, mandate_version, status, version)
					  SELECT :id, :partner, :month, :prefix || '-' || :year || '-' || lpad(seq.n, greatest(5, length(seq.n)), '0'),
					    :type, :issued, :currency, :excl, :vat, :incl,
					    CAST(:breakdown AS jsonb), CAST(:seller AS jsonb), :mandate, :status, :version FROM seq
					  RETURNING invoice_id, number),
					lines AS (
					  INSERT INTO invoice_line (invoice_id, line_no, booking_id, service_date, workspace_name, kind,
					    amount_excl_minor, vat_rate_bps, regularises_number, unit, quantity, unit_price_minor)
					  SELECT issued.invoice_id, l.* FROM issued, unnest(CAST(:nos AS int[]), CAST(:bookings AS uuid[]),
					    CAST(:dates AS date[]), CAST(:workspaces AS text[]), CAST(:kinds AS text[]), CAST(:amounts AS bigint[]),
					    CAST(:vats AS int[]), CAST(:regularises AS text[]), CAST(:units AS text[]),
					    CAST(:quantities AS numeric[]), CAST(:unitPrices AS bigint[])) AS l)
					SELECT number FROM issued
					""")
			.param("prefix", prefix)
			.param("year", java.time.LocalDate.ofInstant(invoice.issuedAt(), Invoice.BOOKS).getYear())
			.param("id", invoice.invoiceId())
			.param("partner", invoice.partnerId())
			.param("month", invoice.month())
			.param("type", invoice.type().name())
			.param("issued", Timestamp.from(invoice.issuedAt()))
			.param("currency", currency)
			.param("excl", invoice.totals().exclVat().amountMinor())
			.param("vat", invoice.totals().vat().amountMinor())
			.param("incl", invoice.totals().inclVat().amountMinor())
			.param("breakdown",
					this.json.writeValueAsString(invoice.totals()
						.vatByRate()
						.stream()
						.map(v -> new StoredVat(v.vatRateBps(), v.base().amountMinor(), v.vat().amountMinor()))
						.toList()))
			.param("seller", this.json.writeValueAsString(invoice.seller()))
			.param("mandate", invoice.mandateVersion())
			.param("status", invoice.status().name())
			.param("version", invoice.version())
			.param("nos", new SqlArrayValue("int4", lines.stream().map(Invoice.Line::lineNo).toArray()))
			.param("bookings", new SqlArrayValue("uuid", lines.stream().map(Invoice.Line::bookingId).toArray()))
			.param("dates", new SqlArrayValue("text", lines.stream().map(l -> l.serviceDate().toString()).toArray()))
			.param("workspaces", new SqlArrayValue("text", lines.stream().map(Invoice.Line::workspaceName).toArray()))
			.param("kinds", new SqlArrayValue("text", lines.stream().map(l -> l.kind().name()).toArray()))
			.param("amounts",
					new SqlArrayValue("int8", lines.stream().map(l -> l.amountExclVat().amountMinor()).toArray()))
			.param("vats", new SqlArrayValue("int4", lines.stream().map(Invoice.Line::vatRateBps).toArray()))
			.param("regularises",
					new SqlArrayValue("text", lines.stream().map(Invoice.Line::regularisesNumber).toArray()))
			.param("units", new SqlArrayValue("text", lines.stream().map(Invoice.Line::unit).toArray()))
			.param("quantities", new SqlArrayValue("numeric", lines.stream().map(Invoice.Line::quantity).toArray()))
			.param("unitPrices",
					new SqlArrayValue("int8",
							lines.stream()
								.map(l -> l.unitPriceExclVat() == null ? null : l.unitPriceExclVat().amountMinor())
								.toArray()))
			.query(String.class)
			.single();
		return invoice.numbered(number);
	}

	public Optional<Invoice> find(UUID invoiceId) {
		return this.jdbc.sql("SELECT * FROM invoice WHERE invoice_id = :id")
			.param("id", invoiceId)
			.query((rs, i) -> map(rs))
			.optional()
			.map(this::withLines);
	}

	public Optional<Invoice> findByMonth(UUID partnerId, String month) {
		return this.jdbc.sql("SELECT * FROM invoice WHERE partner_id = :p AND month = :m")
			.param("p", partnerId)
			.param("m", month)
			.query((rs, i) -> map(rs))
			.optional()
			.map(this::withLines);
	}

	/** The partner's invoices, newest month first, without lines. */
	public List<Invoice> ofPartner(UUID partnerId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT * FROM invoice WHERE partner_id = :p ORDER BY month DESC, number DESC OFFSET :o LIMIT :l")
			.param("p", partnerId)
			.param("o", offset)
			.param("l", limit)
			.query((rs, i) -> map(rs))
			.list();
	}

	/** One invoice line and the invoice it is on. */
	public record BilledLine(UUID invoiceId, String number, String month, Invoice.Line line) {
	}

	/**
	 * Where one booking of the partner was invoiced: its line, and the regularisations of
	 * later months. Reads the partner's invoices from the booking's month on (its lines
	 * by primary key), so no index on {@code booking_id} slows every close.
	 */
	public List<BilledLine> linesOfBooking(UUID partnerId, UUID bookingId, java.time.YearMonth from) {
		return this.jdbc.sql("""
				SELECT i.invoice_id, i.number, i.month, i.currency, l.* FROM invoice i
				JOIN invoice_line l ON l.invoice_id = i.invoice_id
				WHERE i.partner_id = :p AND i.month >= :m AND l.booking_id = :b
				ORDER BY i.month, l.line_no""")
			.param("p", partnerId)
			.param("m", from.toString())
			.param("b", bookingId)
			.query((rs, i) -> new BilledLine(rs.getObject("invoice_id", UUID.class), rs.getString("number"),
					rs.getString("month"), line(rs, Currency.getInstance(rs.getString("currency")))))
			.list();
	}

	public long countOfPartner(UUID partnerId) {
		return this.jdbc.sql("SELECT count(*) FROM invoice WHERE partner_id = :p")
			.param("p", partnerId)
			.query(Long.class)
			.single();
	}

	/**
	 * Stores a payment status change ({@link Invoice#paid()},
	 * {@link Invoice#paymentFailed(String)}); refused when the invoice changed since it
	 * was read, so the event that lost the race is applied again on what won.
	 */
	void updateStatus(Invoice changed) {
		int updated = this.jdbc.sql("""
				UPDATE invoice SET status = :status, status_reason = :reason, version = :version
				WHERE invoice_id = :id AND version = :previous
				""")
			.param("id", changed.invoiceId())
			.param("status", changed.status().name())
			.param("reason", changed.statusReason())
			.param("version", changed.version())
			.param("previous", changed.version() - 1)
			.update();
		if (updated == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException(
					"Invoice " + changed.invoiceId() + " changed while its payment status was updated");
		}
	}

	/**
	 * The partner's issued invoices as the close needs them: which months are invoiced
	 * (their later changes are regularisations) and each invoice's number.
	 */
	public Issued issued(UUID partnerId) {
		Map<String, UUID> byMonth = new HashMap<>();
		Map<UUID, String> numbers = new HashMap<>();
		this.jdbc.sql("SELECT invoice_id, month, number FROM invoice WHERE partner_id = :p")
			.param("p", partnerId)
			.query(rs -> {
				UUID id = rs.getObject("invoice_id", UUID.class);
				byMonth.put(rs.getString("month"), id);
				numbers.put(id, rs.getString("number"));
			});
		return new Issued(byMonth, numbers);
	}

	/** A partner's invoices by month, and their numbers by id. */
	public record Issued(Map<String, UUID> byMonth, Map<UUID, String> numbers) {

		public Optional<UUID> of(java.time.YearMonth month) {
			return Optional.ofNullable(this.byMonth.get(month.toString()));
		}

		public String[] months() {
			return this.byMonth.keySet().toArray(String[]::new);
		}

	}

	private Invoice withLines(Invoice invoice) {
		Currency currency = invoice.totals().exclVat().currency();
		List<Invoice.Line> lines = this.jdbc.sql("SELECT * FROM invoice_line WHERE invoice_id = :id ORDER BY line_no")
			.param("id", invoice.invoiceId())
			.query((rs, i) -> line(rs, currency))
			.list();
		return invoice.withLines(lines);
	}

	private static Invoice.Line line(ResultSet rs, Currency currency) throws SQLException {
		return new Invoice.Line(rs.getInt("line_no"), rs.getObject("booking_id", UUID.class),
				rs.getObject("service_date", java.time.LocalDate.class), rs.getString("workspace_name"),
				Invoice.LineKind.valueOf(rs.getString("kind")), new Money(rs.getLong("amount_excl_minor"), currency),
				rs.getInt("vat_rate_bps"), rs.getString("regularises_number"), rs.getString("unit"),
				rs.getBigDecimal("quantity"),
				rs.getObject("unit_price_minor") == null ? null : new Money(rs.getLong("unit_price_minor"), currency));
	}

	private Invoice map(ResultSet rs) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		List<InvoiceTotals.VatBreakdown> vat = this.json.readValue(rs.getString("vat_breakdown"), VAT)
			.stream()
			.map(v -> new InvoiceTotals.VatBreakdown(v.rateBps(), new Money(v.baseMinor(), currency),
					new Money(v.vatMinor(), currency)))
			.toList();
		InvoiceTotals totals = new InvoiceTotals(new Money(rs.getLong("total_excl_minor"), currency), vat,
				new Money(rs.getLong("total_vat_minor"), currency),
				new Money(rs.getLong("total_incl_minor"), currency));
		return new Invoice(rs.getObject("invoice_id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getString("month"), rs.getString("number"), InvoiceType.valueOf(rs.getString("type")),
				rs.getTimestamp("issued_at").toInstant(), totals,
				this.json.readValue(rs.getString("seller"), BillingProfile.class), rs.getString("mandate_version"),
				InvoiceStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), List.of(),
				rs.getLong("version"));
	}

	record StoredVat(int rateBps, long baseMinor, long vatMinor) {
	}

}
