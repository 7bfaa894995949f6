package com.worklib.venue.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;
import com.worklib.venue.workspace.Workspace.WorkspaceDetails;

@Repository
public class WorkspaceRepository {

	static final String COLUMNS = "id, establishment_id, partner_id, type, name, capacity, booking_mode, price_unit, "
			+ "price_minor, currency, vat_rate_bps, active, nn_workspace_id, version";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final Clock clock;

	WorkspaceRepository(NamedParameterJdbcTemplate batch, JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	public Optional<Workspace> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE id = :id")
			.param("id", id)
			.query(WorkspaceRepository::map)
			.optional();
	}

	public List<Workspace> findByEstablishment(UUID establishmentId, boolean activeOnly) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM workspace WHERE establishment_id = :id"
					+ (activeOnly ? " AND active" : "") + " ORDER BY name, id")
			.param("id", establishmentId)
			.query(WorkspaceRepository::map)
			.list();
	}

	public List<Workspace> findByNeoNomadeIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE nn_workspace_id IN (:ids)")
			.param("ids", ids)
			.query(WorkspaceRepository::map)
			.list();
	}

	public void insert(Workspace workspace) {
		insertAll(List.of(workspace));
	}

	/** One JDBC batch for many rows (imports). */
	@SuppressWarnings("unchecked")
	public void insertAll(List<Workspace> all) {
		if (all.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("INSERT INTO workspace (" + COLUMNS
				+ ", updated_at) VALUES (:id, :establishmentId, :partnerId, "
				+ ":type, :name, :capacity, :mode, :unit, :price, :currency, :vat, :active, :nn, :version, :now)",
				all.stream().map(this::params).toArray(Map[]::new));
	}

	public void update(Workspace workspace) {
		updateAll(List.of(workspace));
	}

	/**
	 * Writes each one version after what is stored; a concurrent change makes this fail.
	 */
	@SuppressWarnings("unchecked")
	public void updateAll(List<Workspace> all) {
		if (all.isEmpty()) {
			return;
		}
		int[] rows = this.batch
			.batchUpdate("UPDATE workspace SET establishment_id = :establishmentId, type = :type, name = :name, "
					+ "capacity = :capacity, booking_mode = :mode, price_unit = :unit, price_minor = :price, "
					+ "currency = :currency, vat_rate_bps = :vat, active = :active, version = :version, updated_at = :now "
					+ "WHERE id = :id AND version = :version - 1", all.stream().map(this::params).toArray(Map[]::new));
		for (int i = 0; i < rows.length; i++) {
			if (rows[i] != 1) {
				throw new OptimisticLockingFailureException("Workspace " + all.get(i).id() + " changed concurrently");
			}
		}
	}

	private Map<String, Object> params(Workspace w) {
		WorkspaceDetails d = w.details();
		Map<String, Object> params = new HashMap<>();
		params.put("id", w.id());
		params.put("establishmentId", w.establishmentId());
		params.put("partnerId", w.partnerId());
		params.put("type", d.type().name());
		params.put("name", d.name());
		params.put("capacity", d.capacity());
		params.put("mode", d.bookingMode().name());
		params.put("unit", d.unit().name());
		params.put("price", d.price().amountMinor());
		params.put("currency", d.price().currency().getCurrencyCode());
		params.put("vat", d.vatRate().bps());
		params.put("active", d.active());
		params.put("nn", w.neoNomadeId());
		params.put("version", w.version());
		params.put("now", Timestamp.from(this.clock.instant()));
		return params;
	}

	static Workspace map(ResultSet rs, int row) throws SQLException {
		WorkspaceDetails details = new WorkspaceDetails(WorkspaceType.valueOf(rs.getString("type")),
				rs.getString("name"), rs.getInt("capacity"), BookingMode.valueOf(rs.getString("booking_mode")),
				PriceUnit.valueOf(rs.getString("price_unit")),
				Money.of(rs.getLong("price_minor"), rs.getString("currency")), new VatRate(rs.getInt("vat_rate_bps")),
				rs.getBoolean("active"));
		return new Workspace(rs.getObject("id", UUID.class), rs.getObject("establishment_id", UUID.class),
				rs.getObject("partner_id", UUID.class), details, rs.getString("nn_workspace_id"),
				rs.getLong("version"));
	}

}
