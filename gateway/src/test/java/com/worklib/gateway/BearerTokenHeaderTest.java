package com.worklib.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway reads a bearer token exactly as Spring Security's converter does with its
 * defaults: the same token, the same "no token", the same refusal, on the headers clients
 * send and on many malformed ones.
 */
class BearerTokenHeaderTest {

	final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

	final ServerAuthenticationConverter gateway = new BearerTokenHeader();

	@Test
	void readsTheTokenOfAWellFormedHeader() {
		assertThat(outcome(this.gateway, "Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"))
			.isEqualTo("token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl");
		assertThat(outcome(this.gateway, "bearer abc-._~+/==")).isEqualTo("token abc-._~+/==");
		assertThat(outcome(this.gateway, null)).isEqualTo("none");
		assertThat(outcome(this.gateway, "Basic dXNlcjpwYXNz")).isEqualTo("none");
		assertThat(outcome(this.gateway, "Bearer ")).isEqualTo("malformed");
		assertThat(outcome(this.gateway, "Bearer a b")).isEqualTo("malformed");
		assertThat(outcome(this.gateway, "Bearer ==")).isEqualTo("malformed");
	}

	@Test
	void answersAsSpringSecurityDoesOnEdgeCasesAndRandomHeaders() {
		List<String> headers = new ArrayList<>(List.of("Bearer", "Bearer ", "Bearer  x", "Bearerx", "BEARER x",
				"bEaReR x", "Bearer x=", "Bearer x=a", "Bearer x==", "Bearer =x", "Bearer x\n", "Bearer x ",
				" Bearer x", "Bearer\tx", "Bearer x\u00e9", "Bearer x\u0000", "Bearer-x", "bearer", "b", ""));
		Random random = new Random(26);
		String alphabet = "aZ09-._~+/= \t:;,\"\u00e9\u212a\n";
		for (int i = 0; i < 5_000; i++) {
			StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "bearer " : "Bearer ");
			int length = random.nextInt(12);
			for (int c = 0; c < length; c++) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			headers.add(header.toString());
		}
		for (String header : headers) {
			assertThat(outcome(this.gateway, header)).as("Authorization: %s", header)
				.isEqualTo(outcome(this.spring, header));
		}
	}

	static String outcome(ServerAuthenticationConverter converter, String header) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/billing/v1/whoami");
		if (header != null) {
			request.header("Authorization", header);
		}
		Mono<Authentication> converted = converter.convert(MockServerWebExchange.from(request));
		try {
			Authentication authentication = converted.block();
			return authentication == null ? "none"
					: "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
		}
		catch (OAuth2AuthenticationException ex) {
			return ex.getError().getDescription().equals("Bearer token is malformed") ? "malformed"
					: "refused " + ex.getError().getDescription();
		}
	}

}
