package com.worklib.platform.security;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;

import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.MembershipPayload;
import com.worklib.platform.messaging.Inbox;
import com.worklib.platform.messaging.IncomingEvent;

/**
 * Membership read model and the authorization helper. identity-service owns memberships
 * and turns the listener off ({@code worklib.memberships.listener-enabled=false}).
 */
@AutoConfiguration(after = com.worklib.platform.messaging.MessagingConfiguration.class)
public class MembershipConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MembershipView membershipView(JdbcClient jdbc) {
		return new MembershipView(jdbc);
	}

	@Bean
	@ConditionalOnMissingBean
	PartnerAccess partnerAccess(MembershipView memberships) {
		return new PartnerAccess(memberships);
	}

	@Bean
	@ConditionalOnProperty(name = "worklib.memberships.listener-enabled", havingValue = "true", matchIfMissing = true)
	MembershipListener membershipListener(Inbox inbox, MembershipView view) {
		return new MembershipListener(inbox, view);
	}

	/**
	 * Applies {@code identity.memberships.v1} to the local read model, once per event.
	 */
	public static class MembershipListener {

		static final String CONSUMER = "platform.memberships";

		private final Inbox inbox;

		private final MembershipView view;

		MembershipListener(Inbox inbox, MembershipView view) {
			this.inbox = inbox;
			this.view = view;
		}

		@KafkaListener(id = "${spring.application.name}-memberships", topics = Topics.IDENTITY_MEMBERSHIPS,
				groupId = "${spring.application.name}-memberships")
		public void on(ConsumerRecord<String, String> record) {
			this.inbox.process(CONSUMER, IncomingEvent.from(record), MembershipPayload.class, this.view::apply);
		}

	}

}
