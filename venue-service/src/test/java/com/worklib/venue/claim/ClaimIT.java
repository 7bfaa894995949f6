package com.worklib.venue.claim;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.venue.VenueIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class ClaimIT extends VenueIT {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void theFirstOwnerMembershipClaimsAnImportedPartnerOnceEvenIfDeliveredTwice() throws Exception {
		this.mvc
			.perform(post(API + "/imports/neo-nomade").with(ops())
				.contentType(MediaType.parseMediaType("text/csv"))
				.content(sample()))
			.andExpect(status().isOk());
		UUID partner = partnerIdOf("NN-P-1005");
		UUID owner = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();

		// a MANAGER membership claims nothing
		send(UUID.randomUUID().toString(), partner, UUID.randomUUID(), "MANAGER");
		send(eventId, partner, owner, "OWNER");
		send(eventId, partner, owner, "OWNER");
		// the same grant re-published under a new event id (an identity retry) claims
		// nothing more
		send(UUID.randomUUID().toString(), partner, owner, "OWNER");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "CLAIMED".equals(this.jdbc.sql("SELECT status FROM partner WHERE id = :id")
				.param("id", partner)
				.query(String.class)
				.single()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM inbox_event WHERE consumer = 'venue.claims'")
				.query(Long.class)
				.single() == 3);
		assertThat(this.jdbc.sql("SELECT version FROM partner WHERE id = :id")
			.param("id", partner)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE ce_type = :t AND ce_subject = :s")
			.param("t", EventTypes.PARTNER_CHANGED)
			.param("s", partner.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner WHERE status = 'CLAIMED'").query(Long.class).single())
			.as("no other partner was claimed")
			.isEqualTo(1);
	}

	private void send(String eventId, UUID partnerId, UUID userId, String role) {
		String payload = "{\"partnerId\":\"%s\",\"userId\":\"%s\",\"email\":\"owner@example.fr\",\"role\":\"%s\",\"active\":true,\"version\":1}"
			.formatted(partnerId, userId, role);
		ProducerRecord<String, String> record = KafkaSupport.cloudEvent(Topics.IDENTITY_MEMBERSHIPS,
				partnerId.toString(), eventId, EventTypes.MEMBERSHIP_GRANTED, payload);
		this.kafka.send(record).join();
	}

}
