package com.worklib.booking.booking;

import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.worklib.contracts.Topics;
import com.worklib.contracts.identity.UserPayload;
import com.worklib.platform.messaging.Inbox;
import com.worklib.platform.messaging.IncomingEvent;

/**
 * The company each person gave at sign-up, from identity's users (versioned upserts), so
 * a booking can keep its booker's company as it keeps their first name. A person identity
 * has not told us about books all the same, without a company.
 */
@Component
public class Bookers {

	private final JdbcClient jdbc;

	private final Inbox inbox;

	Bookers(JdbcClient jdbc, Inbox inbox) {
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	@KafkaListener(id = "booking-bookers", topics = Topics.IDENTITY_USERS, groupId = "booking-service-bookers")
	void onUser(ConsumerRecord<String, String> record) {
		this.inbox.process("booking.bookers", IncomingEvent.from(record), UserPayload.class, this::apply);
	}

	public int apply(UserPayload user) {
		return this.jdbc.sql("""
				INSERT INTO booker_profile (user_id, company, version) VALUES (:id, :company, :v)
				ON CONFLICT (user_id) DO UPDATE SET company = EXCLUDED.company, version = EXCLUDED.version
				  WHERE booker_profile.version < EXCLUDED.version
				""").param("id", user.userId()).param("company", user.company()).param("v", user.version()).update();
	}

	public Optional<String> company(UUID userId) {
		return this.jdbc.sql("SELECT company FROM booker_profile WHERE user_id = :id")
			.param("id", userId)
			.query(String.class)
			.optional();
	}

}
