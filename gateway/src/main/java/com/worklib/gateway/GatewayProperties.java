package com.worklib.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway routes and how it protects the services.
 *
 * @param publicPaths path patterns answered without a token (those API.md marks public),
 * {@code "GET /path"} for one method; every other {@code /api/**} request needs a valid
 * token before it reaches a service
 * @param services the routed services by route id: {@code path} prefix, {@code uri}, and
 * optionally a {@code timeout} and {@code max-request-size} of their own
 * @param keycloakUri where {@code /auth/**} goes
 * @param webUri where every other path goes: the pages of {@code web}
 * @param defaultTimeout how long a service may take to answer before the client gets 504
 * @param defaultMaxRequestSize the largest request body accepted (413 above it)
 * @param audience the audience every token must name
 * @param maxConcurrentCalls the requests one route may have in flight at once in this
 * gateway (a bulkhead: a hanging service cannot take every connection)
 * @param trustedProxies how many proxies in front of the gateway append to
 * {@code X-Forwarded-For} (0: the TCP peer is the client)
 * @param corsAllowedOrigins the web origins allowed to call the API from a browser
 * @param rateLimits the request rates per user and per client address
 */
@ConfigurationProperties("worklib.gateway")
public record GatewayProperties(List<String> publicPaths, Map<String, Service> services, URI keycloakUri, URI webUri,
		@DefaultValue("10s") Duration defaultTimeout, @DefaultValue("1MB") DataSize defaultMaxRequestSize,
		@DefaultValue("worklib-api") String audience, @DefaultValue("0") int trustedProxies,
		@DefaultValue("1000") int maxConcurrentCalls, List<String> corsAllowedOrigins,
		@DefaultValue RateLimits rateLimits) {

	public GatewayProperties {
		publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
		services = services == null ? Map.of() : new TreeMap<>(services);
		corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
	}

	/** The route of the ops console's upload, which takes the venues route's time. */
	static final String WEB_IMPORTS = "web-imports";

	/** The suffix of the route id of a service's {@link Bulk} paths. */
	static final String BULK = "-bulk";

	Duration timeoutOf(String routeId) {
		if (WEB_IMPORTS.equals(routeId)) {
			return timeoutOf("venues" + BULK);
		}
		if (routeId.endsWith(BULK)) {
			Service service = this.services.get(routeId.substring(0, routeId.length() - BULK.length()));
			if (service != null && service.bulk() != null && service.bulk().timeout() != null) {
				return service.bulk().timeout();
			}
		}
		Service service = this.services.get(routeId);
		return service != null && service.timeout() != null ? service.timeout() : this.defaultTimeout;
	}

	DataSize maxRequestSizeOf(Service service) {
		return service != null && service.maxRequestSize() != null ? service.maxRequestSize()
				: this.defaultMaxRequestSize;
	}

	/**
	 * The body limit of the bulk paths of a service, or of the service if it has none.
	 */
	DataSize bulkMaxRequestSizeOf(Service service) {
		return service != null && service.bulk() != null && service.bulk().maxRequestSize() != null
				? service.bulk().maxRequestSize() : maxRequestSizeOf(service);
	}

	/**
	 * @param path the path prefix routed to the service ({@code /api/bookings})
	 * @param uri where the service listens
	 * @param timeout overrides the default timeout
	 * @param maxRequestSize overrides the default body limit
	 * @param bulk the few paths that take a large body and long to answer (imports), with
	 * their own route, timeout and limit, so that the rest of the service keeps short
	 * ones
	 */
	public record Service(String path, URI uri, Duration timeout, DataSize maxRequestSize, Bulk bulk) {
	}

	/**
	 * @param path the pattern, under the service's prefix, of the bulk paths
	 * ({@code /v1/imports/**})
	 * @param timeout how long they may take
	 * @param maxRequestSize the largest body they accept
	 */
	public record Bulk(String path, Duration timeout, DataSize maxRequestSize) {
	}

	/**
	 * @param authenticated the bucket of each signed-in user
	 * @param anonymous the bucket of each client address on public endpoints
	 * @param exemptPaths paths never limited (Stripe webhooks come from few addresses)
	 * @param services the bucket of each of the platform's own service accounts
	 */
	public record RateLimits(@DefaultValue( {
			"20", "40" }) Tier authenticated, @DefaultValue({ "5", "20" }) Tier anonymous, List<String> exemptPaths,
			@DefaultValue Services services){

		public RateLimits {
			exemptPaths = exemptPaths == null ? List.of() : List.copyOf(exemptPaths);
		}

	}

	/**
	 * The platform's own service accounts calling through the gateway, such as
	 * notification-service fetching a calendar file for each booking mail: one person's
	 * 20 requests a second held the mails of a busy hour back (429, then back-off; fault
	 * suite's soak, docs/reliability.md). They get a bucket each, sized for the
	 * platform's load, still bounded so a runaway loop cannot take the services down.
	 *
	 * @param clients the Keycloak clients whose client-credentials tokens ({@code azp})
	 * are service accounts; clients without a user login flow only
	 */
	public record Services(@DefaultValue("500") int perSecond, @DefaultValue("1000") int burst, List<String> clients) {

		public Services {
			clients = clients == null ? List.of() : List.copyOf(clients);
		}

		Tier tier() {
			return new Tier(this.perSecond, this.burst);
		}

	}

	/**
	 * @param perSecond tokens refilled each second (the sustained rate)
	 * @param burst the bucket size (the burst a client may send at once)
	 */
	public record Tier(int perSecond, int burst) {
	}

}
