package com.worklib.stripe.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;

import com.stripe.net.Webhook;

/**
 * Delivers events to one webhook endpoint signed as Stripe signs them:
 * {@code Stripe-Signature: t=<unix time>,v1=<HMAC-SHA256 of "t.payload" with the endpoint
 * secret>}. Delivery is synchronous, so a control call returns after the service
 * answered.
 */
final class Webhooks {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Clock clock;

	private final Map<String, String> sent = new LinkedHashMap<>();

	private volatile String url;

	private volatile String secret;

	Webhooks(Clock clock, String url, String secret) {
		this.clock = clock;
		this.url = url;
		this.secret = secret;
	}

	void configure(String url, String secret) {
		this.url = url;
		this.secret = secret;
	}

	/**
	 * @return the HTTP status the endpoint answered, or -1 when none is configured or
	 * reachable
	 */
	int send(String type, String account, JsonObject object) {
		String id = StripeState.id("evt_");
		String payload = StripeJson.GSON
			.toJson(StripeJson.event(id, type, account, object, this.clock.instant().getEpochSecond()));
		synchronized (this.sent) {
			this.sent.put(id, payload);
		}
		return deliver(payload);
	}

	/**
	 * Sends an already-sent event again, as Stripe does when it is not sure it was
	 * received.
	 */
	Optional<Integer> resend(String eventId) {
		String payload;
		synchronized (this.sent) {
			payload = this.sent.get(eventId);
		}
		return Optional.ofNullable(payload).map(this::deliver);
	}

	List<String> sentPayloads() {
		synchronized (this.sent) {
			return new ArrayList<>(this.sent.values());
		}
	}

	private int deliver(String payload) {
		String target = this.url;
		if (target == null || this.secret == null) {
			return -1;
		}
		try {
			String signature = sign(payload, this.secret, this.clock.instant().getEpochSecond());
			HttpRequest request = HttpRequest.newBuilder(URI.create(target))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json; charset=utf-8")
				.header("Stripe-Signature", signature)
				.header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
				.POST(HttpRequest.BodyPublishers.ofString(payload))
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * The {@code Stripe-Signature} header value for a payload signed at
	 * {@code timestamp}.
	 */
	static String sign(String payload, String secret, long timestamp) {
		try {
			return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
