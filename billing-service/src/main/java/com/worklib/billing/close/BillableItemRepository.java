package com.worklib.billing.close;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import com.worklib.platform.money.Money;

/**
 * Billable items ({@code billable_item}): upserted from booking events, taken by the
 * close. The only class that runs SQL on that table; workspace names come from the
 * catalog's {@code billing_workspace}, which this package owns too.
 */
@Repository
public class BillableItemRepository {

	static final String UPSERT = """
			INSERT INTO billable_item (booking_id, partner_id, workspace_id, service_date, service_month, booking_status, kind,
			  amount_excl_minor, currency, vat_rate_bps, booking_version, updated_at, unit, quantity, unit_price_minor)
			VALUES (:booking, :partner, :workspace, :date, :month, :status, :kind, :amount, :currency, :vat, :version, :now,
			  :unit, :quantity, :unitPrice)
			ON CONFLICT (booking_id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id, service_date = EXCLUDED.service_date,
			  service_month = EXCLUDED.service_month, booking_status = EXCLUDED.booking_status, kind = EXCLUDED.kind,
			  amount_excl_minor = EXCLUDED.amount_excl_minor, currency = EXCLUDED.currency,
			  vat_rate_bps = EXCLUDED.vat_rate_bps, booking_version = EXCLUDED.booking_version, updated_at = EXCLUDED.updated_at,
			  unit = EXCLUDED.unit, quantity = EXCLUDED.quantity, unit_price_minor = EXCLUDED.unit_price_minor
			WHERE billable_item.booking_version < EXCLUDED.booking_version
			""";

	/**
	 * The partner's month items not invoiced yet, and the changes to items of months
	 * already invoiced to this partner ({@code :invoiced}, regularisations). Workspace
	 * names are looked up per row by primary key: a join lets the planner hash a table
	 * that grows every month once per partner closed.
	 */
	private static final String OPEN_ITEMS = """
			SELECT i.booking_id, i.service_date, i.service_month, i.kind, i.amount_excl_minor, i.invoiced_excl_minor,
			  i.currency, i.vat_rate_bps, i.first_invoice_id, i.unit, i.quantity, i.unit_price_minor,
			  COALESCE((SELECT w.name FROM billing_workspace w WHERE w.workspace_id = i.workspace_id),
			    'Workspace ' || left(CAST(i.workspace_id AS text), 8)) AS workspace_name
			FROM billable_item i
			WHERE i.partner_id = :p AND i.amount_excl_minor <> i.invoiced_excl_minor
			  AND (i.service_month = :m OR (i.service_month < :m AND i.service_month = ANY (:invoiced)))
			""";

	private final NamedParameterJdbcTemplate named;

	private final JdbcClient jdbc;

	private final Clock clock;

	BillableItemRepository(NamedParameterJdbcTemplate named, JdbcClient jdbc, Clock clock) {
		this.named = named;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Applies the newest version of each booking among {@code items} in one JDBC batch of
	 * version-guarded upserts (one statement may not touch a row twice once the driver
	 * rewrites the batch into one multi-row insert); returns how many bookings were
	 * written.
	 */
	public int upsert(List<BillableItem> items) {
		if (items.isEmpty()) {
			return 0;
		}
		Map<UUID, BillableItem> newest = new LinkedHashMap<>();
		for (BillableItem item : items) {
			newest.merge(item.bookingId(), item, (a, b) -> a.bookingVersion() >= b.bookingVersion() ? a : b);
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		MapSqlParameterSource[] batch = newest.values()
			.stream()
			.map(item -> new MapSqlParameterSource().addValue("booking", item.bookingId())
				.addValue("partner", item.partnerId())
				.addValue("workspace", item.workspaceId())
				.addValue("date", item.serviceDate())
				.addValue("month", item.serviceMonth().toString())
				.addValue("status", item.bookingStatus())
				.addValue("kind", item.kind().name())
				.addValue("amount", item.amountExclVat().amountMinor())
				.addValue("currency", item.amountExclVat().currency().getCurrencyCode())
				.addValue("vat", item.vatRateBps())
				.addValue("version", item.bookingVersion())
				.addValue("now", now)
				.addValue("unit", item.unit())
				.addValue("quantity", item.quantity())
				.addValue("unitPrice", item.unitPriceExclVat().amountMinor()))
			.toArray(MapSqlParameterSource[]::new);
		this.named.batchUpdate(UPSERT, batch);
		return batch.length;
	}

	/**
	 * Marks the partner's open items ({@link #OPEN_ITEMS}) invoiced by {@code invoiceId}
	 * and returns them as they were, by service date: one statement that reads, locks and
	 * writes each row once. The amount is the row's current one (the update holds its
	 * lock); what was invoiced before only changes under the per-partner close lock the
	 * caller holds.
	 */
	public List<OpenItem> takeOpen(UUID partnerId, YearMonth month, String[] invoicedMonths, UUID invoiceId) {
		List<OpenItem> items = new ArrayList<>(this.jdbc
			.sql("""
					UPDATE billable_item t SET invoiced_excl_minor = t.amount_excl_minor,
					  first_invoice_id = COALESCE(t.first_invoice_id, :invoice)
					FROM (%s) o
					WHERE t.booking_id = o.booking_id AND t.amount_excl_minor <> o.invoiced_excl_minor
					RETURNING o.booking_id, o.service_date, o.service_month, t.kind, t.amount_excl_minor,
					  o.invoiced_excl_minor, t.currency, t.vat_rate_bps, o.workspace_name, o.first_invoice_id, t.unit, t.quantity,
					  t.unit_price_minor
					"""
				.formatted(OPEN_ITEMS))
			.param("invoice", invoiceId)
			.param("p", partnerId)
			.param("m", month.toString())
			.param("invoiced", new SqlArrayValue("text", (Object[]) invoicedMonths))
			.query(BillableItemRepository::openItem)
			.list());
		items.sort(Comparator.comparing(OpenItem::serviceDate).thenComparing(OpenItem::bookingId));
		return items;
	}

	/**
	 * What {@link #takeOpen} would take now, without taking it: an open month's draft.
	 */
	public List<OpenItem> open(UUID partnerId, YearMonth month, String[] invoicedMonths) {
		return this.jdbc.sql(OPEN_ITEMS + " ORDER BY i.service_date, i.booking_id")
			.param("p", partnerId)
			.param("m", month.toString())
			.param("invoiced", new SqlArrayValue("text", (Object[]) invoicedMonths))
			.query(BillableItemRepository::openItem)
			.list();
	}

	private static OpenItem openItem(ResultSet rs, int n) throws SQLException {
		Money amount = Money.of(rs.getLong("amount_excl_minor") - rs.getLong("invoiced_excl_minor"),
				rs.getString("currency"));
		return new OpenItem(rs.getObject("booking_id", UUID.class), rs.getObject("service_date", LocalDate.class),
				YearMonth.parse(rs.getString("service_month")), BillableItem.Kind.valueOf(rs.getString("kind")), amount,
				rs.getInt("vat_rate_bps"), rs.getString("workspace_name"), rs.getObject("first_invoice_id", UUID.class),
				rs.getString("unit"), rs.getBigDecimal("quantity"), rs.getObject("unit_price_minor") == null ? null
						: Money.of(rs.getLong("unit_price_minor"), rs.getString("currency")));
	}

	/**
	 * An item's part not invoiced yet.
	 *
	 * @param toInvoice its amount excluding VAT minus what was invoiced before
	 * @param firstInvoiceId the invoice that billed it first, when this is a change
	 * @param unit the booking's unit, null for items written before it was kept
	 */
	public record OpenItem(UUID bookingId, LocalDate serviceDate, YearMonth month, BillableItem.Kind kind,
			Money toInvoice, int vatRateBps, String workspaceName, UUID firstInvoiceId, String unit,
			java.math.BigDecimal quantity, Money unitPriceExclVat) {
	}

}
