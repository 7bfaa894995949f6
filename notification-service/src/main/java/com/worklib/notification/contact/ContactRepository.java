package com.worklib.notification.contact;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.worklib.contracts.identity.UserPayload;
import com.worklib.contracts.venue.EstablishmentPayload;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.contracts.venue.WorkspacePayload;

/**
 * The read models, each upserted by version: a duplicate or an older event changes
 * nothing.
 */
@Repository
public class ContactRepository {

	private final JdbcClient jdbc;

	ContactRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record User(UUID userId, String email, String firstName, String lastName, String locale) {

		public String displayName() {
			String name = ((this.firstName == null ? "" : this.firstName) + " "
					+ (this.lastName == null ? "" : this.lastName))
				.trim();
			return name.isEmpty() ? this.email : name;
		}

	}

	/**
	 * {@code address} (one line), {@code phone} and {@code accessInstructions} are for
	 * the people who booked; null until the establishment's first change after
	 * 2026-12-03.
	 */
	public record Establishment(UUID establishmentId, UUID partnerId, String name, String timezone,
			String bookingContactEmail, String address, String phone, String accessInstructions) {
	}

	public record Partner(UUID partnerId, String name, String status, String migrationEmail) {
	}

	void apply(UserPayload user) {
		this.jdbc.sql("""
				INSERT INTO contact_user (user_id, email, first_name, last_name, locale, version)
				VALUES (:id, :email, :first, :last, :locale, :version)
				ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, first_name = EXCLUDED.first_name,
				    last_name = EXCLUDED.last_name, locale = EXCLUDED.locale, version = EXCLUDED.version
				WHERE contact_user.version < EXCLUDED.version
				""")
			.param("id", user.userId())
			.param("email", user.email())
			.param("first", user.firstName())
			.param("last", user.lastName())
			.param("locale", user.locale())
			.param("version", user.version())
			.update();
	}

	/**
	 * @return true when this event is the newest state of the partner
	 */
	boolean apply(PartnerPayload partner) {
		return this.jdbc.sql("""
				INSERT INTO contact_partner (partner_id, name, status, migration_email, version)
				VALUES (:id, :name, :status, :migrationEmail, :version)
				ON CONFLICT (partner_id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
				    migration_email = EXCLUDED.migration_email, version = EXCLUDED.version
				WHERE contact_partner.version < EXCLUDED.version
				""")
			.param("id", partner.partnerId())
			.param("name", partner.name())
			.param("status", partner.status())
			.param("migrationEmail", partner.migrationEmail())
			.param("version", partner.version())
			.update() == 1;
	}

	void apply(EstablishmentPayload establishment) {
		this.jdbc
			.sql("""
					INSERT INTO contact_establishment (establishment_id, partner_id, name, timezone, booking_contact_email,
					    address, phone, access_instructions, version)
					VALUES (:id, :partnerId, :name, :timezone, :contact, :address, :phone, :access, :version)
					ON CONFLICT (establishment_id) DO UPDATE SET name = EXCLUDED.name, timezone = EXCLUDED.timezone,
					    booking_contact_email = EXCLUDED.booking_contact_email, address = EXCLUDED.address,
					    phone = EXCLUDED.phone, access_instructions = EXCLUDED.access_instructions, version = EXCLUDED.version
					WHERE contact_establishment.version < EXCLUDED.version
					""")
			.param("id", establishment.establishmentId())
			.param("partnerId", establishment.partnerId())
			.param("name", establishment.name())
			.param("timezone", establishment.timezone())
			.param("contact", establishment.bookingContact() == null ? null : establishment.bookingContact().email())
			.param("address", establishment.address() == null ? null : establishment.address().oneLine())
			.param("phone", establishment.bookingContact() == null ? null : establishment.bookingContact().phone())
			.param("access", establishment.accessInstructions())
			.param("version", establishment.version())
			.update();
	}

	void apply(WorkspacePayload workspace) {
		this.jdbc.sql("""
				INSERT INTO contact_workspace (workspace_id, establishment_id, name, version)
				VALUES (:id, :establishmentId, :name, :version)
				ON CONFLICT (workspace_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version
				WHERE contact_workspace.version < EXCLUDED.version
				""")
			.param("id", workspace.workspaceId())
			.param("establishmentId", workspace.establishmentId())
			.param("name", workspace.name())
			.param("version", workspace.version())
			.update();
	}

	public Optional<User> user(UUID userId) {
		return this.jdbc
			.sql("SELECT user_id, email, first_name, last_name, locale FROM contact_user WHERE user_id = :id")
			.param("id", userId)
			.query(User.class)
			.optional();
	}

	public Optional<Establishment> establishment(UUID establishmentId) {
		return this.jdbc.sql("""
				SELECT establishment_id, partner_id, name, timezone, booking_contact_email, address, phone,
				  access_instructions FROM contact_establishment WHERE establishment_id = :id""")
			.param("id", establishmentId)
			.query(Establishment.class)
			.optional();
	}

	public Optional<String> workspaceName(UUID workspaceId) {
		return this.jdbc.sql("SELECT name FROM contact_workspace WHERE workspace_id = :id")
			.param("id", workspaceId)
			.query(String.class)
			.optional();
	}

	public Optional<Partner> partner(UUID partnerId) {
		return this.jdbc
			.sql("SELECT partner_id, name, status, migration_email FROM contact_partner WHERE partner_id = :id")
			.param("id", partnerId)
			.query(Partner.class)
			.optional();
	}

	/** Active members of the partner with one of the roles, whose address is known. */
	public List<User> members(UUID partnerId, List<String> roles) {
		return this.jdbc.sql("""
				SELECT u.user_id, u.email, u.first_name, u.last_name, u.locale
				FROM partner_membership m JOIN contact_user u ON u.user_id = m.user_id
				WHERE m.partner_id = :partnerId AND m.active AND m.role IN (:roles)
				ORDER BY u.email
				""").param("partnerId", partnerId).param("roles", roles).query(User.class).list();
	}

}
