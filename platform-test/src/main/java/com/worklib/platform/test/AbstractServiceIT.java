package com.worklib.platform.test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every Worklib service must do from day one, on real PostgreSQL and Kafka: migrate
 * its own database, report liveness and readiness, expose Prometheus metrics, and refuse
 * requests without a token with problem details. A service's test extends this with
 * {@code @SpringBootTest @AutoConfigureMockMvc @WithPostgres @WithKafka}.
 */
public abstract class AbstractServiceIT {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	@Value("${worklib.api.base-path}")
	protected String apiBasePath;

	@Value("${spring.application.name}")
	protected String serviceName;

	@Test
	void migratesItsOwnDatabaseWithTheOutboxAndInbox() {
		List<String> tables = this.jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
		assertThat(tables).contains("flyway_schema_history", "outbox_event", "inbox_event", "partner_membership");
	}

	@Test
	void reportsLivenessReadinessAndPrometheusMetrics() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		String metrics = this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"" + this.serviceName + "\"");
	}

	@Test
	void refusesARequestWithoutATokenWithProblemDetails() throws Exception {
		this.mvc.perform(get(this.apiBasePath + "/whoami"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void answersTheCallerWithAValidToken() throws Exception {
		UUID userId = UUID.randomUUID();
		this.mvc
			.perform(get(this.apiBasePath + "/whoami").with(jwt().jwt(j -> j.subject(userId.toString())
				.claim("email", "employee@worklib.test")
				.claim("realm_access", Map.of("roles", List.of("employee"))))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value(this.serviceName))
			.andExpect(jsonPath("$.userId").value(userId.toString()))
			.andExpect(jsonPath("$.roles[0]").value("employee"));
	}

	/** The service's OpenAPI document, as the gateway and client generators read it. */
	protected String openApiDocument() throws Exception {
		return this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void publishesItsOpenApiDocumentWithoutAToken() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['" + this.apiBasePath + "/whoami']").exists());
	}

	@Test
	void echoesTheGatewayCorrelationId() throws Exception {
		this.mvc.perform(get(this.apiBasePath + "/whoami").header("X-Correlation-Id", "support-case-7"))
			.andExpect(status().isUnauthorized())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("X-Correlation-Id", "support-case-7"));
	}

	@Test
	void hasNoDevClockOutsideTheDevProfile() throws Exception {
		this.mvc.perform(get("/dev/clock")).andExpect(status().is4xxClientError());
	}

}
