package com.worklib.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;

/**
 * What a page test against a {@link StandInGateway} does: open a page as a signed-in
 * person and read what came back.
 */
public abstract class PagesIT {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected ClientRegistrationRepository registrations;

	protected RequestPostProcessor signedIn() {
		return oauth2Login().clientRegistration(this.registrations.findByRegistrationId("worklib"));
	}

	/**
	 * The page at {@code path}, which must answer 200, as a person reads its text
	 * ({@code &#39;} is an apostrophe).
	 */
	protected String text(String path) throws Exception {
		MockHttpServletResponse response = open(path);
		org.assertj.core.api.Assertions.assertThat(response.getStatus()).as(path).isEqualTo(200);
		return org.springframework.web.util.HtmlUtils.htmlUnescape(response.getContentAsString());
	}

	protected MockHttpServletResponse open(String path) throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(signedIn()))
			.andReturn()
			.getResponse();
	}

}
