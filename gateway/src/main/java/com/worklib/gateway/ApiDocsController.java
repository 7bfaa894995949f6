package com.worklib.gateway;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api-docs}: where each service's OpenAPI document is ({@code /api-docs/<route>},
 * relayed from the service's own {@code /v3/api-docs}), and the Swagger UI that shows
 * them all.
 */
@RestController
class ApiDocsController {

	private final GatewayProperties properties;

	ApiDocsController(GatewayProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api-docs")
	Map<String, Object> index() {
		List<Map<String, String>> documents = this.properties.services()
			.entrySet()
			.stream()
			.map(e -> Map.of("name", e.getKey(), "apiPath", e.getValue().path(), "url", "/api-docs/" + e.getKey()))
			.toList();
		return Map.of("documents", documents, "swaggerUi", "/swagger-ui.html");
	}

}
