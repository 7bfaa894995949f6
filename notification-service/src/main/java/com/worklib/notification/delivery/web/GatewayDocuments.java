package com.worklib.notification.delivery.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import com.worklib.notification.delivery.Documents;
import com.worklib.notification.delivery.MailContent;

/**
 * Attachments through the gateway, as the notification-service service account: invoice
 * PDFs from billing (realm role {@code invoice-documents}) and bookings' calendar files
 * from booking (realm role {@code booking-calendars}); the account may read these
 * documents and nothing else. Tokens come from Keycloak's client-credentials grant and
 * are reused until they expire.
 */
@Component
class GatewayDocuments implements Documents {

	static final String REGISTRATION = "notification-service";

	private final RestClient api;

	GatewayDocuments(@Value("${worklib.notification.documents.gateway-url}") String gateway,
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
	 * @throws RuntimeException when the owner, the gateway or Keycloak does not give it
	 * now
	 */
	@Override
	public Document fetch(MailContent.Attachment attachment) {
		return switch (attachment.kind()) {
			case INVOICE_PDF -> new Document(this.api.get()
				.uri("/api/billing/v1/invoices/{id}/pdf", attachment.documentId())
				.accept(MediaType.APPLICATION_PDF)
				.retrieve()
				.body(byte[].class), MediaType.APPLICATION_PDF_VALUE);
			case BOOKING_CALENDAR -> calendar(this.api.get()
				.uri("/api/bookings/v1/bookings/{id}/calendar.ics", attachment.documentId())
				.accept(MediaType.parseMediaType("text/calendar"))
				.retrieve()
				.body(byte[].class));
		};
	}

	private static final Pattern METHOD = Pattern.compile("(?m)^METHOD:([A-Z]+)\\r?$");

	/**
	 * A calendar attachment names its method (REQUEST, CANCEL) in its media type, as mail
	 * clients expect of an invitation.
	 */
	static Document calendar(byte[] ics) {
		Matcher method = METHOD.matcher(new String(ics, StandardCharsets.UTF_8));
		return new Document(ics, "text/calendar; charset=UTF-8" + (method.find() ? "; method=" + method.group(1) : ""));
	}

}
