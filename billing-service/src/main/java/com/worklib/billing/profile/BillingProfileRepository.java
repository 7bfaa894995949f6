package com.worklib.billing.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Billing profiles and self-billing mandates. */
@Repository
public class BillingProfileRepository {

	private final JdbcClient jdbc;

	BillingProfileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<BillingProfile> find(UUID partnerId) {
		return this.jdbc.sql("SELECT * FROM billing_profile WHERE partner_id = :id")
			.param("id", partnerId)
			.query((rs, i) -> map(rs))
			.optional();
	}

	public void save(BillingProfile p) {
		this.jdbc
			.sql("""
					INSERT INTO billing_profile (partner_id, legal_name, legal_form, siret, vat_number, vat_regime, address_line1,
					  address_line2, postal_code, city, country, billing_email, updated_at, updated_by)
					VALUES (:id, :name, :form, :siret, :vat, :regime, :l1, :l2, :pc, :city, :country, :email, :at, :by)
					ON CONFLICT (partner_id) DO UPDATE SET legal_name = EXCLUDED.legal_name, legal_form = EXCLUDED.legal_form,
					  siret = EXCLUDED.siret, vat_number = EXCLUDED.vat_number, vat_regime = EXCLUDED.vat_regime,
					  address_line1 = EXCLUDED.address_line1, address_line2 = EXCLUDED.address_line2,
					  postal_code = EXCLUDED.postal_code, city = EXCLUDED.city, country = EXCLUDED.country,
					  billing_email = EXCLUDED.billing_email, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
					""")
			.param("id", p.partnerId())
			.param("name", p.legalName())
			.param("form", p.legalForm())
			.param("siret", p.siret())
			.param("vat", p.vatNumber())
			.param("regime", p.vatRegime().name())
			.param("l1", p.address().line1())
			.param("l2", p.address().line2())
			.param("pc", p.address().postalCode())
			.param("city", p.address().city())
			.param("country", p.address().country())
			.param("email", p.billingEmail())
			.param("at", Timestamp.from(p.updatedAt()))
			.param("by", p.updatedBy())
			.update();
	}

	public void saveMandate(UUID partnerId, Mandate mandate) {
		this.jdbc
			.sql("""
					INSERT INTO self_billing_mandate (partner_id, mandate_version, accepted_at, accepted_by) VALUES (:id, :v, :at, :by)
					ON CONFLICT (partner_id) DO UPDATE SET mandate_version = EXCLUDED.mandate_version,
					  accepted_at = EXCLUDED.accepted_at, accepted_by = EXCLUDED.accepted_by
					""")
			.param("id", partnerId)
			.param("v", mandate.mandateVersion())
			.param("at", Timestamp.from(mandate.acceptedAt()))
			.param("by", mandate.acceptedBy())
			.update();
	}

	public Optional<Mandate> findMandate(UUID partnerId) {
		return this.jdbc
			.sql("SELECT mandate_version, accepted_at, accepted_by FROM self_billing_mandate WHERE partner_id = :id")
			.param("id", partnerId)
			.query((rs, i) -> new Mandate(rs.getString("mandate_version"), rs.getTimestamp("accepted_at").toInstant(),
					rs.getObject("accepted_by", UUID.class)))
			.optional();
	}

	/**
	 * What an invoice needs of the partner, in one round trip: the billing profile and
	 * the version of the mandate an owner accepted, each null when missing.
	 */
	public Seller seller(UUID partnerId) {
		return this.jdbc
			.sql("""
					SELECT (SELECT mandate_version FROM self_billing_mandate WHERE partner_id = :p) AS mandate_version, profile.*
					FROM (SELECT 1) AS one LEFT JOIN billing_profile profile ON profile.partner_id = :p
					""")
			.param("p", partnerId)
			.query((rs, i) -> new Seller(rs.getObject("partner_id") == null ? null : map(rs),
					rs.getString("mandate_version")))
			.single();
	}

	/**
	 * The partner's billing profile and accepted mandate version, each null when missing.
	 */
	public record Seller(BillingProfile profile, String mandateVersion) {
	}

	private static BillingProfile map(ResultSet rs) throws SQLException {
		return new BillingProfile(rs.getObject("partner_id", UUID.class), rs.getString("legal_name"),
				rs.getString("legal_form"), rs.getString("siret"), rs.getString("vat_number"),
				BillingProfile.VatRegime.valueOf(rs.getString("vat_regime")),
				new BillingProfile.Address(rs.getString("address_line1"), rs.getString("address_line2"),
						rs.getString("postal_code"), rs.getString("city"), rs.getString("country")),
				rs.getString("billing_email"), rs.getTimestamp("updated_at").toInstant(),
				rs.getObject("updated_by", UUID.class));
	}

	/** A self-billing mandate: which text version, accepted when and by whom. */
	public record Mandate(String mandateVersion, Instant acceptedAt, UUID acceptedBy) {
	}

}
