package com.worklib.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicPaths path patterns answered without a token (those API.md marks public);
 * every other {@code /api/**} request needs a valid token before it reaches a service
 */
@ConfigurationProperties("worklib.gateway")
public record GatewayProperties(List<String> publicPaths) {

	public GatewayProperties {
		publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
	}

}
