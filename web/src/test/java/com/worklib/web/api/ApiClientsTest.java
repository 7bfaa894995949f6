package com.worklib.web.api;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's API calls carry back the person's address the gateway sealed on the page
 * request, so the gateway rate-limits them per person, not per web replica.
 */
class ApiClientsTest {

	@AfterEach
	void noPage() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void theSealOfThePageRequestGoesOnItsApiCalls() throws Exception {
		MockHttpServletRequest page = new MockHttpServletRequest("POST", "/signup");
		page.addHeader(ApiClients.CLIENT_ADDRESS, "203.0.113.30|1796187010|mac");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(page));

		assertThat(sent().getFirst(ApiClients.CLIENT_ADDRESS)).isEqualTo("203.0.113.30|1796187010|mac");
	}

	@Test
	void withoutASealNothingIsInvented() throws Exception {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		assertThat(sent().containsHeader(ApiClients.CLIENT_ADDRESS)).isFalse();
		RequestContextHolder.resetRequestAttributes();
		assertThat(sent().containsHeader(ApiClients.CLIENT_ADDRESS)).isFalse();
	}

	private static HttpHeaders sent() throws Exception {
		MockClientHttpRequest call = new MockClientHttpRequest(HttpMethod.POST,
				URI.create("http://gateway/api/identity/v1/signup"));
		AtomicReference<HttpHeaders> headers = new AtomicReference<>();
		ApiClients.person(call, new byte[0], (request, body) -> {
			headers.set(request.getHeaders());
			return new MockClientHttpResponse(new byte[0], HttpStatus.ACCEPTED);
		});
		return headers.get();
	}

}
