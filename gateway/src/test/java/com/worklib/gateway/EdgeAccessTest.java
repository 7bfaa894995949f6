package com.worklib.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests need a token at the edge. */
class EdgeAccessTest {

	final EdgeAccess access = new EdgeAccess(
			List.of("POST /api/identity/v1/signup", "GET /api/venues/v1/establishments/*", "/api/open/**"));

	@Test
	void theApiNeedsATokenButForItsPublicPathsAndMethods() {
		assertThat(needsToken(HttpMethod.GET, "/api/billing/v1/whoami")).isTrue();
		assertThat(needsToken(HttpMethod.POST, "/api/identity/v1/signup")).isFalse();
		assertThat(needsToken(HttpMethod.GET, "/api/identity/v1/signup")).isTrue();
		assertThat(needsToken(HttpMethod.GET, "/api/venues/v1/establishments/42")).isFalse();
		assertThat(needsToken(HttpMethod.PUT, "/api/venues/v1/establishments/42")).isTrue();
		assertThat(needsToken(HttpMethod.GET, "/api/venues/v1/establishments/42/contacts")).isTrue();
		assertThat(needsToken(HttpMethod.DELETE, "/api/open/anything/below")).isFalse();
		assertThat(needsToken(HttpMethod.GET, "/api")).isTrue();
	}

	@Test
	void preflightsAndEverythingOutsideTheApiPass() {
		assertThat(needsToken(HttpMethod.OPTIONS, "/api/billing/v1/whoami")).isFalse();
		assertThat(needsToken(HttpMethod.GET, "/auth/realms/worklib/protocol/openid-connect/certs")).isFalse();
		assertThat(needsToken(HttpMethod.POST, "/espace/lieux")).isFalse();
		assertThat(needsToken(HttpMethod.GET, "/api-docs/billing")).isFalse();
		assertThat(needsToken(HttpMethod.GET, "/apix/billing")).isFalse();
	}

	boolean needsToken(HttpMethod method, String path) {
		return this.access.needsToken(MockServerHttpRequest.method(method, path).build());
	}

}
