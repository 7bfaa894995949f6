package com.worklib.identity.flows;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.worklib.platform.test.FreePorts;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Keycloak is down (nothing listens where it should be): sign-up fails fast and leaves
 * nothing behind.
 */
@SpringBootTest(properties = "worklib.keycloak.client-secret=irrelevant")
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class KeycloakDownIT {

	static final int DEAD_PORT = FreePorts.find();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@org.springframework.test.context.DynamicPropertySource
	static void deadKeycloak(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("worklib.keycloak.url", () -> "http://127.0.0.1:" + DEAD_PORT + "/auth");
	}

	@Test
	void signupAnswers503ProblemDetailsWithinTwoSecondsAndWritesNoAccount() throws Exception {
		long start = System.nanoTime();
		this.mvc.perform(post("/api/identity/v1/signup").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"email\":\"down@atelier-lyon.fr\",\"password\":\"Coworking-2026!\",\"firstName\":\"D\",\"lastName\":\"Own\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.status").value(503));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(millis).as("answered in %d ms", millis).isLessThan(2_000);
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM email_verification").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single()).isZero();
	}

}
