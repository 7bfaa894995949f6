package com.worklib.notification.delivery.web;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Invoice PDFs for the invoice mail, from billing through the gateway, as the
 * notification-service service account (realm role {@code invoice-documents}: it may read
 * documents and nothing else). Tokens come from Keycloak's client-credentials grant and
 * are reused until they expire.
 */
@Component
class BillingInvoiceDocuments implements com.worklib.notification.delivery.InvoiceDocuments {

	static final String REGISTRATION = "notification-service";

	private final RestClient api;

	BillingInvoiceDocuments(@Value("${worklib.notification.documents.gateway-url}") String gateway,
			@Value("${worklib.notification.documents.token-uri}") String tokenUri,
			@Value("${worklib.notification.documents.client-id:notification-service}") String clientId,
			@Value("${worklib.notification.documents.client-secret}") String clientSecret) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(clientId)
			.clientSecret(clientSecret)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(tokenUri)
			.build();
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
		manager
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		OAuth2ClientHttpRequestInterceptor token = new OAuth2ClientHttpRequestInterceptor(manager);
		token.setClientRegistrationIdResolver(request -> REGISTRATION);
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(java.time.Duration.ofSeconds(3));
		// billing renders a PDF on request; the gateway gives it 30 s
		requests.setReadTimeout(java.time.Duration.ofSeconds(35));
		this.api = RestClient.builder().baseUrl(gateway).requestFactory(requests).requestInterceptor(token).build();
	}

	/**
	 * @throws RuntimeException when billing, the gateway or Keycloak does not give it now
	 */
	@Override
	public byte[] pdf(UUID invoiceId) {
		return this.api.get()
			.uri("/api/billing/v1/invoices/{id}/pdf", invoiceId)
			.accept(MediaType.APPLICATION_PDF)
			.retrieve()
			.body(byte[].class);
	}

}
