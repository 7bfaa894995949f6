package com.worklib.web.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Two ways to the public API, both through the gateway: as the signed-in user (their
 * access token from the server-side session, refreshed when it expires; it never reaches
 * the browser), and anonymously for the public endpoints (sign-up, verification).
 */
@Configuration(proxyBeanMethods = false)
class ApiClients {

	static final String REGISTRATION = "worklib";

	static final String CLIENT_ADDRESS = "X-Worklib-Client-Address";

	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository clients) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	@Bean
	UserApi userApi(OAuth2AuthorizedClientManager manager, @Value("${worklib.web.gateway-url}") String gateway) {
		return new UserApi(asUser(manager, gateway));
	}

	@Bean
	PartnerApi partnerApi(OAuth2AuthorizedClientManager manager, @Value("${worklib.web.gateway-url}") String gateway) {
		return new PartnerApi(asUser(manager, gateway));
	}

	@Bean
	BookerApi bookerApi(OAuth2AuthorizedClientManager manager, @Value("${worklib.web.gateway-url}") String gateway) {
		return new BookerApi(gateway(gateway).build(), asUser(manager, gateway));
	}

	@Bean
	BillingApi billingApi(OAuth2AuthorizedClientManager manager, @Value("${worklib.web.gateway-url}") String gateway) {
		return new BillingApi(asUser(manager, gateway));
	}

	/**
	 * The ops console: a Neo-nomade import of 50,000 rows takes ~40 s, and the gateway
	 * gives venues' import 120 s; the other ops calls are as quick as any page's.
	 */
	@Bean
	OpsApi opsApi(OAuth2AuthorizedClientManager manager, @Value("${worklib.web.gateway-url}") String gateway) {
		return new OpsApi(asUser(manager, gateway), asUser(manager, gateway(gateway, IMPORT_TIMEOUT)));
	}

	static final java.time.Duration IMPORT_TIMEOUT = java.time.Duration.ofSeconds(125);

	static RestClient asUser(OAuth2AuthorizedClientManager manager, String gateway) {
		return asUser(manager, gateway(gateway));
	}

	/** The gateway with the signed-in person's access token on every call. */
	static RestClient asUser(OAuth2AuthorizedClientManager manager, RestClient.Builder gateway) {
		OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(manager);
		relay.setClientRegistrationIdResolver(request -> REGISTRATION);
		return gateway.requestInterceptor(relay).build();
	}

	/** What "expire dans 21 h" counts from. */
	@Bean
	java.time.Clock clock() {
		return java.time.Clock.systemUTC();
	}

	@Bean
	PublicApi publicApi(@Value("${worklib.web.gateway-url}") String gateway) {
		return new PublicApi(gateway(gateway).build());
	}

	/**
	 * A page waits for the API at most as long as the gateway lets a service take (10 s),
	 * plus a little.
	 */
	static RestClient.Builder gateway(String baseUrl) {
		return gateway(baseUrl, java.time.Duration.ofSeconds(12));
	}

	static RestClient.Builder gateway(String baseUrl, java.time.Duration readTimeout) {
		// blocking HttpURLConnection with keep-alive: a page makes its calls one after
		// another on its own thread, and the JDK HttpClient's hand-offs to its selector
		// thread cost about 1 ms of CPU more on a six-call page (WebRenderBenchmark, ADR
		// 18)
		org.springframework.http.client.SimpleClientHttpRequestFactory requests = new org.springframework.http.client.SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(java.time.Duration.ofSeconds(3));
		requests.setReadTimeout(readTimeout);
		return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).requestInterceptor(ApiClients::person);
	}

	/**
	 * The gateway sealed the person's address on the page request it sent here; the API
	 * calls made for that page carry it back, so the gateway limits them per person
	 * rather than per {@code web} replica.
	 */
	static org.springframework.http.client.ClientHttpResponse person(org.springframework.http.HttpRequest request,
			byte[] body, org.springframework.http.client.ClientHttpRequestExecution execution)
			throws java.io.IOException {
		if (org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes page) {
			String sealed = page.getRequest().getHeader(CLIENT_ADDRESS);
			if (sealed != null) {
				request.getHeaders().set(CLIENT_ADDRESS, sealed);
			}
		}
		return execution.execute(request, body);
	}

}
