package com.worklib.venue.establishment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

@Repository
public class EstablishmentRepository {

	static final String COLUMNS = "id, partner_id, name, address_line1, address_line2, postal_code, city, country, "
			+ "timezone, opening_hours::text AS opening_hours, description, contact_email, contact_phone, "
			+ "access_instructions, nn_establishment_id, version";

	private static final TypeReference<List<Map<String, String>>> HOURS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final JsonMapper json;

	private final Clock clock;

	EstablishmentRepository(NamedParameterJdbcTemplate batch, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.clock = clock;
	}

	public Optional<Establishment> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM establishment WHERE id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	public List<Establishment> findByPartner(UUID partnerId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM establishment WHERE partner_id = :partnerId ORDER BY name, id "
					+ "LIMIT :limit OFFSET :offset")
			.param("partnerId", partnerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
	}

	public long countByPartner(UUID partnerId) {
		return this.jdbc.sql("SELECT count(*) FROM establishment WHERE partner_id = :partnerId")
			.param("partnerId", partnerId)
			.query(Long.class)
			.single();
	}

	public List<Establishment> findByIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM establishment WHERE id IN (:ids)")
			.param("ids", ids)
			.query(this::map)
			.list();
	}

	public List<Establishment> findByNeoNomadeIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM establishment WHERE nn_establishment_id IN (:ids)")
			.param("ids", ids)
			.query(this::map)
			.list();
	}

	public void insert(Establishment e) {
		insertAll(List.of(e));
	}

	/** One JDBC batch for many rows (imports). */
	@SuppressWarnings("unchecked")
	public void insertAll(List<Establishment> all) {
		if (all.isEmpty()) {
			return;
		}
		this.batch.batchUpdate(
				"INSERT INTO establishment (id, partner_id, name, address_line1, address_line2, postal_code, city, "
						+ "city_key, country, timezone, opening_hours, description, contact_email, contact_phone, "
						+ "access_instructions, nn_establishment_id, version, updated_at) VALUES (:id, :partnerId, :name, :line1, :line2, "
						+ ":postalCode, :city, :cityKey, :country, :timezone, CAST(:hours AS jsonb), :description, "
						+ ":contactEmail, :contactPhone, :access, :nn, :version, :now)",
				all.stream().map(this::params).toArray(Map[]::new));
	}

	public void update(Establishment e) {
		updateAll(List.of(e));
	}

	/**
	 * Writes each one version after what is stored; a concurrent change makes this fail.
	 */
	@SuppressWarnings("unchecked")
	public void updateAll(List<Establishment> all) {
		if (all.isEmpty()) {
			return;
		}
		int[] rows = this.batch.batchUpdate("UPDATE establishment SET name = :name, address_line1 = :line1, "
				+ "address_line2 = :line2, postal_code = :postalCode, city = :city, city_key = :cityKey, "
				+ "country = :country, timezone = :timezone, opening_hours = CAST(:hours AS jsonb), "
				+ "description = :description, contact_email = :contactEmail, contact_phone = :contactPhone, "
				+ "access_instructions = :access, version = :version, updated_at = :now WHERE id = :id AND version = :version - 1",
				all.stream().map(this::params).toArray(Map[]::new));
		for (int i = 0; i < rows.length; i++) {
			if (rows[i] != 1) {
				throw new OptimisticLockingFailureException(
						"Establishment " + all.get(i).id() + " changed concurrently");
			}
		}
	}

	private Map<String, Object> params(Establishment e) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", e.id());
		params.put("partnerId", e.partnerId());
		params.put("name", e.name());
		params.put("line1", e.address().line1());
		params.put("line2", e.address().line2());
		params.put("postalCode", e.address().postalCode());
		params.put("city", e.address().city());
		params.put("cityKey", e.cityKey());
		params.put("country", e.address().country());
		params.put("timezone", e.timezone().getId());
		params.put("hours",
				this.json.writeValueAsString(e.openingHours()
					.stream()
					.map(h -> Map.of("dayOfWeek", h.dayOfWeek().name(), "opens", h.opens().toString(), "closes",
							h.closes().toString()))
					.toList()));
		params.put("description", e.description());
		params.put("contactEmail", e.bookingContact() == null ? null : e.bookingContact().email());
		params.put("contactPhone", e.bookingContact() == null ? null : e.bookingContact().phone());
		params.put("access", e.accessInstructions());
		params.put("nn", e.neoNomadeId());
		params.put("version", e.version());
		params.put("now", Timestamp.from(this.clock.instant()));
		return params;
	}

	private Establishment map(ResultSet rs, int row) throws SQLException {
		List<OpeningHours> hours = this.json.readValue(rs.getString("opening_hours"), HOURS)
			.stream()
			.map(h -> new OpeningHours(DayOfWeek.valueOf(h.get("dayOfWeek")), LocalTime.parse(h.get("opens")),
					LocalTime.parse(h.get("closes"))))
			.toList();
		String email = rs.getString("contact_email");
		String phone = rs.getString("contact_phone");
		return new Establishment(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getString("name"),
				new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("postal_code"),
						rs.getString("city"), rs.getString("country")),
				ZoneId.of(rs.getString("timezone")), hours, rs.getString("description"),
				email == null && phone == null ? null : new BookingContact(email, phone),
				rs.getString("nn_establishment_id"), rs.getLong("version"), rs.getString("access_instructions"));
	}

}
