package com.worklib.venue.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import com.worklib.platform.domain.SearchKeys;

@Repository
public class PartnerRepository {

	private static final String COLUMNS = "id, code, name, status, platform_fee_bps, migration_email, nn_partner_id, version";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final Clock clock;

	PartnerRepository(NamedParameterJdbcTemplate batch, JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	public Optional<Partner> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE id = :id")
			.param("id", id)
			.query(PartnerRepository::map)
			.optional();
	}

	/** Locks the row for the rest of the transaction. */
	public Optional<Partner> findByIdForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(PartnerRepository::map)
			.optional();
	}

	/**
	 * Partners whose name, code, migration address or Neo-nomade id contains
	 * {@code search} (any case), of one status or all, by name: the ops console's list.
	 */
	public List<Partner> search(String search, PartnerStatus status, long offset, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner " + SEARCH + " ORDER BY name, id OFFSET :o LIMIT :l")
			.param("q", like(search))
			.param("status", status == null ? null : status.name())
			.param("o", offset)
			.param("l", limit)
			.query(PartnerRepository::map)
			.list();
	}

	public long count(String search, PartnerStatus status) {
		return this.jdbc.sql("SELECT count(*) FROM partner " + SEARCH)
			.param("q", like(search))
			.param("status", status == null ? null : status.name())
			.query(Long.class)
			.single();
	}

	private static final String SEARCH = """
			WHERE (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
			  AND (CAST(:q AS text) IS NULL OR name ILIKE :q OR code ILIKE :q OR migration_email ILIKE :q
			       OR nn_partner_id ILIKE :q)""";

	/** {@code search} as an ILIKE pattern, its own wildcards taken literally. */
	private static String like(String search) {
		if (search == null || search.isBlank()) {
			return null;
		}
		return "%" + search.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	public List<Partner> findByNeoNomadeIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE nn_partner_id IN (:ids)")
			.param("ids", ids)
			.query(PartnerRepository::map)
			.list();
	}

	public void insert(Partner partner) {
		insertAll(List.of(partner));
	}

	/** One JDBC batch for many rows (imports). */
	@SuppressWarnings("unchecked")
	public void insertAll(List<Partner> all) {
		if (all.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("INSERT INTO partner (" + COLUMNS
				+ ", updated_at) VALUES (:id, :code, :name, :status, :fee, " + ":email, :nn, :version, :now)",
				all.stream().map(this::params).toArray(Map[]::new));
	}

	/**
	 * Writes a partner one version after what is stored; a concurrent change makes this
	 * fail.
	 */
	public void update(Partner partner) {
		updateAll(List.of(partner));
	}

	/**
	 * Writes each one version after what is stored; a concurrent change makes this fail.
	 */
	@SuppressWarnings("unchecked")
	public void updateAll(List<Partner> all) {
		if (all.isEmpty()) {
			return;
		}
		int[] rows = this.batch
			.batchUpdate("UPDATE partner SET name = :name, status = :status, platform_fee_bps = :fee, "
					+ "migration_email = :email, version = :version, updated_at = :now WHERE id = :id AND version = :version - 1",
					all.stream().map(this::params).toArray(Map[]::new));
		for (int i = 0; i < rows.length; i++) {
			if (rows[i] != 1) {
				throw new OptimisticLockingFailureException("Partner " + all.get(i).id() + " changed concurrently");
			}
		}
	}

	/**
	 * A short code for invoice numbers: the first six letters of the legal name (accents
	 * removed, legal forms skipped), then a number if taken.
	 */
	public String newCode(String legalName, Collection<String> alsoTaken) {
		String letters = SearchKeys.of(legalName)
			.replaceAll("\\b(sas|sasu|sarl|eurl|sa|sci|sc|snc|scop|ei|le|la|les|l|de|du|des)\\b", " ")
			.replaceAll("[^a-z0-9]", "")
			.toUpperCase(java.util.Locale.ROOT);
		String base = letters.isEmpty() ? "PARTNR" : letters.substring(0, Math.min(6, letters.length()));
		List<String> taken = this.jdbc.sql("SELECT code FROM partner WHERE code LIKE :prefix")
			.param("prefix", base + "%")
			.query(String.class)
			.list();
		String candidate = base;
		for (int n = 2; taken.contains(candidate) || alsoTaken.contains(candidate); n++) {
			candidate = base + n;
		}
		return candidate;
	}

	private Map<String, Object> params(Partner partner) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("id", partner.id());
		params.put("code", partner.code());
		params.put("name", partner.name());
		params.put("status", partner.status().name());
		params.put("fee", partner.platformFeeBps());
		params.put("email", partner.migrationEmail());
		params.put("nn", partner.neoNomadeId());
		params.put("version", partner.version());
		params.put("now", Timestamp.from(this.clock.instant()));
		return params;
	}

	static Partner map(ResultSet rs, int row) throws SQLException {
		return new Partner(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				PartnerStatus.valueOf(rs.getString("status")), rs.getInt("platform_fee_bps"),
				rs.getString("migration_email"), rs.getString("nn_partner_id"), rs.getLong("version"));
	}

}
