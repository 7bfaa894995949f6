package com.worklib.identity.keycloak;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url Keycloak's base URL including {@code /auth}, reached directly (not through
 * the gateway)
 * @param clientSecret the {@code identity-service} client's secret, from the environment
 * @param timeout connect and read timeout of every call
 */
@ConfigurationProperties("worklib.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientSecret, Duration timeout) {

	public KeycloakProperties {
		realm = realm == null ? "worklib" : realm;
		clientId = clientId == null ? "identity-service" : clientId;
		timeout = timeout == null ? Duration.ofMillis(1500) : timeout;
	}

}
