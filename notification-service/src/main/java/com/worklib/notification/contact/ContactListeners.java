package com.worklib.notification.contact;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.UserPayload;
import com.worklib.contracts.venue.EstablishmentPayload;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.contracts.venue.WorkspacePayload;
import com.worklib.platform.messaging.IncomingEvent;

/**
 * Keeps the read models current. A partner's newest state is also announced in-process
 * ({@link PartnerChanged}) for the migration mail.
 */
@Component
class ContactListeners {

	private final ContactRepository contacts;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	ContactListeners(ContactRepository contacts, JsonMapper json, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.contacts = contacts;
		this.json = json;
		this.transactions = transactions;
		this.events = events;
	}

	@KafkaListener(id = "notification-users", topics = Topics.IDENTITY_USERS, groupId = "notification-service-users")
	void onUser(ConsumerRecord<String, String> record) {
		this.contacts.apply(read(record, UserPayload.class));
	}

	@KafkaListener(id = "notification-partners", topics = Topics.VENUE_PARTNERS,
			groupId = "notification-service-partners")
	void onPartner(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		PartnerPayload partner = event.payloadAs(this.json, PartnerPayload.class);
		this.transactions.executeWithoutResult(tx -> {
			if (this.contacts.apply(partner)) {
				this.events.publishEvent(new PartnerChanged(event.id(), partner));
			}
		});
	}

	@KafkaListener(id = "notification-establishments", topics = Topics.VENUE_ESTABLISHMENTS,
			groupId = "notification-service-establishments")
	void onEstablishment(ConsumerRecord<String, String> record) {
		this.contacts.apply(read(record, EstablishmentPayload.class));
	}

	@KafkaListener(id = "notification-workspaces", topics = Topics.VENUE_WORKSPACES,
			groupId = "notification-service-workspaces")
	void onWorkspace(ConsumerRecord<String, String> record) {
		this.contacts.apply(read(record, WorkspacePayload.class));
	}

	private <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
		return IncomingEvent.from(record).payloadAs(this.json, type);
	}

}
