package com.worklib.billing.close;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.worklib.contracts.Topics;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.contracts.venue.WorkspacePayload;
import com.worklib.platform.messaging.Inbox;
import com.worklib.platform.messaging.IncomingEvent;

/**
 * What billing needs of the venue catalog: a partner's code (the prefix of its invoice
 * numbers) and name, and workspace names (invoice lines). Upserts apply only when the
 * incoming version is newer.
 */
@Component
public class BillingCatalog {

	private final JdbcClient jdbc;

	private final Inbox inbox;

	BillingCatalog(JdbcClient jdbc, Inbox inbox) {
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	@KafkaListener(id = "billing-catalog-partners", topics = Topics.VENUE_PARTNERS, groupId = "billing-service-catalog")
	void onPartner(ConsumerRecord<String, String> record) {
		this.inbox.process("billing.catalog", IncomingEvent.from(record), PartnerPayload.class, this::apply);
	}

	@KafkaListener(id = "billing-catalog-workspaces", topics = Topics.VENUE_WORKSPACES,
			groupId = "billing-service-catalog")
	void onWorkspace(ConsumerRecord<String, String> record) {
		this.inbox.process("billing.catalog", IncomingEvent.from(record), WorkspacePayload.class, this::apply);
	}

	public int apply(PartnerPayload p) {
		return this.jdbc
			.sql("""
					INSERT INTO billing_partner (partner_id, code, name, version) VALUES (:id, :code, :name, :v)
					ON CONFLICT (partner_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, version = EXCLUDED.version
					WHERE billing_partner.version < EXCLUDED.version
					""")
			.param("id", p.partnerId())
			.param("code", p.code())
			.param("name", p.name())
			.param("v", p.version())
			.update();
	}

	public int apply(WorkspacePayload w) {
		return this.jdbc.sql("""
				INSERT INTO billing_workspace (workspace_id, name, version) VALUES (:id, :name, :v)
				ON CONFLICT (workspace_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version
				WHERE billing_workspace.version < EXCLUDED.version
				""").param("id", w.workspaceId()).param("name", w.name()).param("v", w.version()).update();
	}

}
