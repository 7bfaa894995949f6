package com.worklib.venue.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import com.worklib.venue.shared.Texts;

@Repository
public class PartnerRepository {

	private static final String COLUMNS = "id, code, name, status, platform_fee_bps, migration_email, nn_partner_id, version";

	private final JdbcClient jdbc;

	private final Clock clock;

	PartnerRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
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
		this.jdbc
			.sql("INSERT INTO partner (" + COLUMNS + ", updated_at) VALUES (:id, :code, :name, :status, :fee, "
					+ ":email, :nn, :version, :now)")
			.params(params(partner))
			.update();
	}

	/**
	 * Writes a partner one version after what is stored; a concurrent change makes this
	 * fail.
	 */
	public void update(Partner partner) {
		int rows = this.jdbc.sql("UPDATE partner SET name = :name, status = :status, platform_fee_bps = :fee, "
				+ "migration_email = :email, version = :version, updated_at = :now WHERE id = :id AND version = :version - 1")
			.params(params(partner))
			.update();
		if (rows != 1) {
			throw new ObjectOptimisticLockingFailureException(Partner.class, partner.id());
		}
	}

	/**
	 * A short code for invoice numbers: the first six letters of the legal name (accents
	 * removed, legal forms skipped), then a number if taken.
	 */
	public String newCode(String legalName, Collection<String> alsoTaken) {
		String letters = Texts.searchKey(legalName)
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

	private java.util.Map<String, Object> params(Partner partner) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
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
