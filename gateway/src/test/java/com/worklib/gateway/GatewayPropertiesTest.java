package com.worklib.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayPropertiesTest {

	private final GatewayProperties properties = new GatewayProperties(List.of(),
			Map.of("venues", new GatewayProperties.Service("/api/venues", URI.create("http://venues"), null, null,
					new GatewayProperties.Bulk("/v1/imports/**", Duration.ofSeconds(120), DataSize.ofMegabytes(32))),
					"billing",
					new GatewayProperties.Service("/api/billing", URI.create("http://billing"), Duration.ofSeconds(30),
							null, null)),
			null, null, Duration.ofSeconds(10), DataSize.ofMegabytes(1), "worklib-api", 0, 1000, List.of(), null);

	/** A search waiting for a database that is away gives up after 10 s, not 120 s. */
	@Test
	void onlyTheBulkPathsOfAServiceGetTheirLongTimeout() {
		assertThat(this.properties.timeoutOf("venues")).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.properties.timeoutOf("venues-bulk")).isEqualTo(Duration.ofSeconds(120));
		assertThat(this.properties.timeoutOf(GatewayProperties.WEB_IMPORTS)).isEqualTo(Duration.ofSeconds(120));
		assertThat(this.properties.timeoutOf("billing")).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.properties.timeoutOf("keycloak")).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void onlyTheBulkPathsOfAServiceTakeTheirLargeBodies() {
		GatewayProperties.Service venues = this.properties.services().get("venues");
		assertThat(this.properties.maxRequestSizeOf(venues)).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(this.properties.bulkMaxRequestSizeOf(venues)).isEqualTo(DataSize.ofMegabytes(32));
		assertThat(this.properties.bulkMaxRequestSizeOf(this.properties.services().get("billing")))
			.isEqualTo(DataSize.ofMegabytes(1));
	}

}
