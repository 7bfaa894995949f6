package com.worklib.identity.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.contracts.Topics;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.identity.membership.MembershipService;
import com.worklib.platform.messaging.Inbox;
import com.worklib.platform.messaging.IncomingEvent;
import com.worklib.platform.security.EmailAddresses;
import com.worklib.platform.security.PartnerRole;

@Service
public class ClaimService {

	static final String CONSUMER = "identity.partners";

	private final JdbcClient jdbc;

	private final Inbox inbox;

	private final UserRepository users;

	private final MembershipService memberships;

	private final Clock clock;

	ClaimService(JdbcClient jdbc, Inbox inbox, UserRepository users, MembershipService memberships, Clock clock) {
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.users = users;
		this.memberships = memberships;
		this.clock = clock;
	}

	@KafkaListener(id = "identity-partners", topics = Topics.VENUE_PARTNERS, groupId = "identity-service-partners")
	void on(ConsumerRecord<String, String> record) {
		this.inbox.process(CONSUMER, IncomingEvent.from(record), PartnerPayload.class, this::apply);
	}

	/** Runs in the inbox transaction. */
	boolean apply(PartnerPayload partner) {
		this.jdbc.sql("""
				INSERT INTO partner_view (partner_id, name, version) VALUES (:id, :name, :version)
				ON CONFLICT (partner_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version
				WHERE partner_view.version < EXCLUDED.version
				""")
			.param("id", partner.partnerId())
			.param("name", partner.name())
			.param("version", partner.version())
			.update();
		if ("UNCLAIMED".equals(partner.status()) && partner.migrationEmail() != null) {
			String email = EmailAddresses.normalize(partner.migrationEmail());
			this.jdbc
				.sql("""
						INSERT INTO pending_claim (partner_id, email, partner_name, partner_version, status)
						VALUES (:id, :email, :name, :version, 'PENDING')
						ON CONFLICT (partner_id) DO UPDATE
						SET email = EXCLUDED.email, partner_name = EXCLUDED.partner_name, partner_version = EXCLUDED.partner_version
						WHERE pending_claim.partner_version < EXCLUDED.partner_version AND pending_claim.status = 'PENDING'
						""")
				.param("id", partner.partnerId())
				.param("email", email)
				.param("name", partner.name())
				.param("version", partner.version())
				.update();
			// the owner of that address may already be verified
			this.users.findByEmail(email).filter(UserAccount::emailVerified).ifPresent(this::claimFor);
		}
		else if ("CLAIMED".equals(partner.status())) {
			this.jdbc.sql("UPDATE pending_claim SET status = 'CLAIMED' WHERE partner_id = :id AND status = 'PENDING'")
				.param("id", partner.partnerId())
				.update();
		}
		return true;
	}

	/**
	 * Grants OWNER on every partner waiting for this verified address; returns their ids.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> claimFor(UserAccount user) {
		if (!user.emailVerified()) {
			return List.of();
		}
		List<UUID> partners = this.jdbc
			.sql("SELECT partner_id FROM pending_claim WHERE email = :email AND status = 'PENDING' FOR UPDATE")
			.param("email", user.email())
			.query(UUID.class)
			.list();
		for (UUID partnerId : partners) {
			this.memberships.grant(partnerId, user.id(), user.email(), PartnerRole.OWNER);
			this.jdbc.sql(
					"UPDATE pending_claim SET status = 'CLAIMED', claimed_by = :user, claimed_at = :now WHERE partner_id = :p")
				.param("user", user.id())
				.param("now", Timestamp.from(this.clock.instant()))
				.param("p", partnerId)
				.update();
		}
		return partners;
	}

	public boolean hasPendingClaim(String email) {
		return this.jdbc.sql("SELECT count(*) FROM pending_claim WHERE email = :email AND status = 'PENDING'")
			.param("email", email)
			.query(Long.class)
			.single() > 0;
	}

	public List<PendingClaim> pendingFor(String email) {
		return this.jdbc
			.sql("SELECT partner_id, partner_name FROM pending_claim WHERE email = :email AND status = 'PENDING'")
			.param("email", email)
			.query((rs, i) -> new PendingClaim(rs.getObject("partner_id", UUID.class), rs.getString("partner_name")))
			.list();
	}

	public record PendingClaim(UUID partnerId, String partnerName) {
	}

}
