package com.worklib.booking.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.worklib.contracts.Topics;
import com.worklib.contracts.venue.EstablishmentPayload;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.contracts.venue.WorkspacePayload;
import com.worklib.platform.domain.SearchKeys;
import com.worklib.platform.messaging.Inbox;
import com.worklib.platform.messaging.IncomingEvent;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;

/**
 * Keeps the catalog from venue events: an upsert applies only when the incoming version
 * is newer, so redelivered and reordered events change nothing.
 */
@Component
public class Catalog {

	private static final TypeReference<List<Map<String, String>>> HOURS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Inbox inbox;

	private final JsonMapper json;

	Catalog(JdbcClient jdbc, Inbox inbox, JsonMapper json) {
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.json = json;
	}

	@KafkaListener(id = "booking-catalog-partners", topics = Topics.VENUE_PARTNERS, groupId = "booking-service-catalog")
	void onPartner(ConsumerRecord<String, String> record) {
		this.inbox.process("booking.catalog", IncomingEvent.from(record), PartnerPayload.class, this::apply);
	}

	@KafkaListener(id = "booking-catalog-establishments", topics = Topics.VENUE_ESTABLISHMENTS,
			groupId = "booking-service-catalog")
	void onEstablishment(ConsumerRecord<String, String> record) {
		this.inbox.process("booking.catalog", IncomingEvent.from(record), EstablishmentPayload.class, this::apply);
	}

	@KafkaListener(id = "booking-catalog-workspaces", topics = Topics.VENUE_WORKSPACES,
			groupId = "booking-service-catalog")
	void onWorkspace(ConsumerRecord<String, String> record) {
		this.inbox.process("booking.catalog", IncomingEvent.from(record), WorkspacePayload.class, this::apply);
	}

	public int apply(PartnerPayload p) {
		return this.jdbc
			.sql("""
					INSERT INTO catalog_partner (partner_id, name, platform_fee_bps, version) VALUES (:id, :name, :fee, :v)
					ON CONFLICT (partner_id) DO UPDATE SET name = EXCLUDED.name, platform_fee_bps = EXCLUDED.platform_fee_bps,
					  version = EXCLUDED.version WHERE catalog_partner.version < EXCLUDED.version
					""")
			.param("id", p.partnerId())
			.param("name", p.name())
			.param("fee", p.platformFeeBps())
			.param("v", p.version())
			.update();
	}

	public int apply(EstablishmentPayload e) {
		return this.jdbc
			.sql("""
					INSERT INTO catalog_establishment (establishment_id, partner_id, name, city, city_key, address_line1,
					  address_line2, postal_code, country, contact_phone, access_instructions, timezone, opening_hours, version)
					VALUES (:id, :partner, :name, :city, :cityKey, :line1, :line2, :postalCode, :country, :phone, :access, :tz,
					  CAST(:hours AS json), :v)
					ON CONFLICT (establishment_id) DO UPDATE SET name = EXCLUDED.name, city = EXCLUDED.city,
					  city_key = EXCLUDED.city_key, address_line1 = EXCLUDED.address_line1,
					  address_line2 = EXCLUDED.address_line2, postal_code = EXCLUDED.postal_code, country = EXCLUDED.country,
					  contact_phone = EXCLUDED.contact_phone, access_instructions = EXCLUDED.access_instructions,
					  timezone = EXCLUDED.timezone, opening_hours = EXCLUDED.opening_hours, version = EXCLUDED.version
					WHERE catalog_establishment.version < EXCLUDED.version
					""")
			.param("id", e.establishmentId())
			.param("partner", e.partnerId())
			.param("name", e.name())
			.param("city", e.address().city())
			.param("cityKey", SearchKeys.of(e.address().city()))
			.param("line1", e.address().line1())
			.param("line2", e.address().line2())
			.param("postalCode", e.address().postalCode())
			.param("country", e.address().country())
			.param("phone", e.bookingContact() == null ? null : e.bookingContact().phone())
			.param("access", e.accessInstructions())
			.param("tz", e.timezone())
			.param("hours", this.json.writeValueAsString(e.openingHours()))
			.param("v", e.version())
			.update();
	}

	public int apply(WorkspacePayload w) {
		return this.jdbc
			.sql("""
					INSERT INTO catalog_workspace (workspace_id, establishment_id, partner_id, type, name, capacity, booking_mode,
					  price_unit, price_minor, currency, vat_rate_bps, active, version)
					VALUES (:id, :est, :partner, :type, :name, :cap, :mode, :unit, :price, :cur, :vat, :active, :v)
					ON CONFLICT (workspace_id) DO UPDATE SET establishment_id = EXCLUDED.establishment_id, type = EXCLUDED.type,
					  name = EXCLUDED.name, capacity = EXCLUDED.capacity, booking_mode = EXCLUDED.booking_mode,
					  price_unit = EXCLUDED.price_unit, price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency,
					  vat_rate_bps = EXCLUDED.vat_rate_bps, active = EXCLUDED.active, version = EXCLUDED.version
					WHERE catalog_workspace.version < EXCLUDED.version
					""")
			.param("id", w.workspaceId())
			.param("est", w.establishmentId())
			.param("partner", w.partnerId())
			.param("type", w.type())
			.param("name", w.name())
			.param("cap", w.capacity())
			.param("mode", w.bookingMode())
			.param("unit", w.priceUnit())
			.param("price", w.priceExclVat().amountMinor())
			.param("cur", w.priceExclVat().currency())
			.param("vat", w.vatRateBps())
			.param("active", w.active())
			.param("v", w.version())
			.update();
	}

	public Optional<CatalogWorkspace> workspace(UUID workspaceId) {
		return this.jdbc.sql("""
				SELECT w.*, e.timezone, e.opening_hours::text AS hours, p.platform_fee_bps
				FROM catalog_workspace w
				JOIN catalog_establishment e ON e.establishment_id = w.establishment_id
				JOIN catalog_partner p ON p.partner_id = w.partner_id
				WHERE w.workspace_id = :id
				""").param("id", workspaceId).query((rs, i) -> workspace(rs, i)).optional();
	}

	public Optional<CatalogEstablishment> establishment(UUID establishmentId) {
		return this.jdbc
			.sql("SELECT e.*, e.opening_hours::text AS hours FROM catalog_establishment e "
					+ "WHERE e.establishment_id = :id")
			.param("id", establishmentId)
			.query((rs, i) -> establishment(rs, "name"))
			.optional();
	}

	/**
	 * The active workspaces of a city (matched on its search key, so "saint etienne"
	 * finds "Saint-Étienne"), of one establishment and one type if given, holding at
	 * least {@code minCapacity} people if given (desks: whatever their number of places),
	 * ordered by establishment and workspace name.
	 */
	public List<Listing> activeIn(String city, UUID establishmentId, String type, Integer minCapacity) {
		StringBuilder sql = new StringBuilder("""
				SELECT w.*, e.*, e.opening_hours::text AS hours, p.platform_fee_bps, e.name AS establishment_name
				FROM catalog_establishment e
				JOIN catalog_workspace w ON w.establishment_id = e.establishment_id
				JOIN catalog_partner p ON p.partner_id = w.partner_id
				WHERE e.city_key = :city AND w.active
				""");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("city", SearchKeys.of(city));
		if (establishmentId != null) {
			sql.append(" AND e.establishment_id = :establishment");
			params.put("establishment", establishmentId);
		}
		if (type != null) {
			sql.append(" AND w.type = :type");
			params.put("type", type);
		}
		if (minCapacity != null) {
			sql.append(" AND (w.type = 'DESK' OR w.capacity >= :capacity)");
			params.put("capacity", minCapacity);
		}
		sql.append(" ORDER BY e.name, e.establishment_id, w.name, w.workspace_id");
		Map<String, List<CatalogWorkspace.Hours>> parsed = new java.util.HashMap<>();
		return this.jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
			// a city's workspaces share their establishments' opening hours: each text
			// is read once, not once per workspace (most of a search's CPU otherwise)
			List<CatalogWorkspace.Hours> opening = parsed.computeIfAbsent(rs.getString("hours"), this::hours);
			return new Listing(workspace(rs, opening), establishment(rs, "establishment_name", opening));
		}).list();
	}

	/** A workspace with its establishment. */
	public record Listing(CatalogWorkspace workspace, CatalogEstablishment establishment) {
	}

	private CatalogWorkspace workspace(ResultSet rs, int row) throws SQLException {
		return workspace(rs, hours(rs.getString("hours")));
	}

	private CatalogWorkspace workspace(ResultSet rs, List<CatalogWorkspace.Hours> opening) throws SQLException {
		return new CatalogWorkspace(rs.getObject("workspace_id", UUID.class),
				rs.getObject("establishment_id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getString("type"), rs.getString("name"), rs.getInt("capacity"), rs.getString("booking_mode"),
				PriceUnit.valueOf(rs.getString("price_unit")),
				Money.of(rs.getLong("price_minor"), rs.getString("currency")), new VatRate(rs.getInt("vat_rate_bps")),
				rs.getBoolean("active"), ZoneId.of(rs.getString("timezone")), opening, rs.getInt("platform_fee_bps"));
	}

	/**
	 * {@code nameColumn}: where the establishment's name is when workspaces share the
	 * row.
	 */
	private CatalogEstablishment establishment(ResultSet rs, String nameColumn) throws SQLException {
		return establishment(rs, nameColumn, hours(rs.getString("hours")));
	}

	private CatalogEstablishment establishment(ResultSet rs, String nameColumn, List<CatalogWorkspace.Hours> opening)
			throws SQLException {
		return new CatalogEstablishment(rs.getObject("establishment_id", UUID.class),
				rs.getObject("partner_id", UUID.class), rs.getString(nameColumn),
				new CatalogEstablishment.Address(rs.getString("address_line1"), rs.getString("address_line2"),
						rs.getString("postal_code"), rs.getString("city"), rs.getString("country")),
				ZoneId.of(rs.getString("timezone")), opening, rs.getString("contact_phone"),
				rs.getString("access_instructions"));
	}

	private List<CatalogWorkspace.Hours> hours(String text) {
		return this.json.readValue(text, HOURS)
			.stream()
			.map(h -> new CatalogWorkspace.Hours(DayOfWeek.valueOf(h.get("dayOfWeek")), LocalTime.parse(h.get("opens")),
					LocalTime.parse(h.get("closes"))))
			.toList();
	}

}
