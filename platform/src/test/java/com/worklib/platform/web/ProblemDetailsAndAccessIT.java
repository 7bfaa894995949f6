package com.worklib.platform.web;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.worklib.platform.test.Callers;
import com.worklib.contracts.Topics;
import com.worklib.platform.app.PlatformTestApp;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Errors as a client sees them, and partner-scoped authorization fed by membership
 * events.
 */
@SpringBootTest(classes = PlatformTestApp.class)
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class ProblemDetailsAndAccessIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	PartnerAccess access;

	static RequestPostProcessor user(UUID id, String... realmRoles) {
		return Callers.as(id, realmRoles);
	}

	/** Dead letters are for ops: others are refused, a bad replay names its field. */
	@Test
	void onlyOpsReadAndReplayDeadLetters() throws Exception {
		this.mvc.perform(get("/api/test/v1/ops/dead-letters").with(user(UUID.randomUUID(), "employee", "partner")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/test/v1/ops/dead-letters").with(user(UUID.randomUUID(), "ops")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isArray());
		this.mvc
			.perform(post("/api/test/v1/ops/dead-letters/replays").with(user(UUID.randomUUID(), "employee"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"topic\":\"platform-test.widgets.v1.dlt\",\"partition\":0,\"offset\":0}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/test/v1/ops/dead-letters/replays").with(user(UUID.randomUUID(), "ops"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"topic\":\"platform-test.widgets.v1\",\"partition\":0,\"offset\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("topic"));
		this.mvc
			.perform(post("/api/test/v1/ops/dead-letters/replays").with(user(UUID.randomUUID(), "ops"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"topic\":\"platform-test.widgets.v1.dlt\",\"partition\":0,\"offset\":999999}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void validationErrorsNameEachField() throws Exception {
		this.mvc
			.perform(post("/widgets").with(user(UUID.randomUUID(), "employee"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"\",\"count\":11}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.errors[0].field").value("count"))
			.andExpect(jsonPath("$.errors[1].field").value("name"))
			.andExpect(jsonPath("$.errors[1].message").value("must not be blank"));
	}

	@Test
	void unknownPropertiesAreRejectedByName() throws Exception {
		this.mvc
			.perform(post("/widgets").with(user(UUID.randomUUID(), "employee"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"desk\",\"count\":1,\"partnerId\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("partnerId"))
			.andExpect(jsonPath("$.detail").value("Unknown property 'partnerId'"));
	}

	@Test
	void malformedJsonAndWrongTypesAre400() throws Exception {
		this.mvc
			.perform(post("/widgets").with(user(UUID.randomUUID(), "employee"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body is missing or is not valid JSON"));
		this.mvc
			.perform(post("/widgets").with(user(UUID.randomUUID(), "employee"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"desk\",\"count\":\"many\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("count"));
	}

	@Test
	void unexpectedErrorsLeakNoDetail() throws Exception {
		this.mvc.perform(get("/crash").with(user(UUID.randomUUID(), "employee")))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("secret internal detail"))))
			.andExpect(content().string(not(containsString("IllegalStateException"))));
	}

	@Test
	void aDatabaseThatIsAwayTellsTheClientToRetry() throws Exception {
		this.mvc.perform(get("/database-away").with(user(UUID.randomUUID(), "employee")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://docs.worklib.example/problems/dependency-unavailable"))
			.andExpect(content().string(not(containsString("HikariPool"))));
	}

	@Test
	void businessExceptionsKeepTheirStatusAndDetail() throws Exception {
		this.mvc.perform(get("/conflict").with(user(UUID.randomUUID(), "employee")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("The slot 09:00–10:00 is already taken"));
	}

	@Test
	void requestsWithoutATokenGet401ProblemDetails() throws Exception {
		this.mvc.perform(get("/partners/" + UUID.randomUUID() + "/secret"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void membershipEventsDecideWhoSeesAPartnerAndOtherPartnersMembersAreRefused() throws Exception {
		UUID partnerA = UUID.randomUUID();
		UUID partnerB = UUID.randomUUID();
		UUID owner = UUID.randomUUID();
		UUID manager = UUID.randomUUID();
		UUID otherPartnersOwner = UUID.randomUUID();
		UUID ops = UUID.randomUUID();
		membership(partnerA, owner, "OWNER", true, 1);
		membership(partnerA, manager, "MANAGER", true, 1);
		membership(partnerB, otherPartnersOwner, "OWNER", true, 1);
		awaitMember(partnerB, otherPartnersOwner);
		awaitMember(partnerA, manager);

		this.mvc.perform(get("/partners/" + partnerA + "/secret").with(user(owner, "partner")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/partners/" + partnerA + "/secret").with(user(ops, "ops"))).andExpect(status().isOk());
		// another partner's owner: 404 on read, 403 on write
		this.mvc.perform(get("/partners/" + partnerA + "/secret").with(user(otherPartnersOwner, "partner")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/partners/" + partnerA + "/secret").with(user(otherPartnersOwner, "partner")))
			.andExpect(status().isForbidden());
		// a member without the role
		this.mvc.perform(get("/partners/" + partnerA + "/secret").with(user(manager, "partner")))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/partners/" + partnerA + "/secret").with(user(manager, "partner")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("MANAGER")));

		// promoted to OWNER (v3), then a stale v2 arrives late: the newer state wins
		membership(partnerA, manager, "OWNER", true, 3);
		membership(partnerA, manager, "FINANCE", false, 2);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> this.mvc.perform(post("/partners/" + partnerA + "/secret").with(user(manager, "partner")))
						.andExpect(status().isOk()));

		// revoked (v4)
		membership(partnerA, manager, "OWNER", false, 4);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> this.mvc.perform(get("/partners/" + partnerA + "/secret").with(user(manager, "partner")))
						.andExpect(status().isNotFound()));
	}

	private void membership(UUID partnerId, UUID userId, String role, boolean active, long version) {
		String payload = "{\"partnerId\":\"%s\",\"userId\":\"%s\",\"email\":null,\"role\":\"%s\",\"active\":%s,\"version\":%d}"
			.formatted(partnerId, userId, role, active, version);
		ProducerRecord<String, String> record = KafkaSupport.cloudEvent(Topics.IDENTITY_MEMBERSHIPS,
				partnerId.toString(), UUID.randomUUID().toString(), "identity.MembershipGranted", payload);
		this.kafka.send(record).join();
	}

	private void awaitMember(UUID partnerId, UUID userId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.access
				.isMember(new com.worklib.platform.security.CurrentUser(userId, null, java.util.Set.of()), partnerId));
	}

}
