package com.worklib.payment.webhook.web;

import java.time.Clock;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.payment.webhook.StripeWebhooks;
import com.worklib.payment.provider.StripeProperties;
import com.worklib.platform.web.ApiException;

/**
 * {@code POST /stripe/webhooks}, public: Stripe proves itself by signing the raw body
 * with the endpoint secret; the signature is checked before anything is parsed, against
 * the service's clock with Stripe's 300 s tolerance.
 */
@RestController
class StripeWebhookController {

	private final StripeWebhooks webhooks;

	private final StripeProperties properties;

	private final Clock clock;

	StripeWebhookController(StripeWebhooks webhooks, StripeProperties properties, Clock clock) {
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Stripe's events are a few kilobytes; the endpoint is public and exempt from rate
	 * limits, so it reads at most this much of a body, whatever its framing.
	 */
	static final int MAX_BODY_BYTES = 256 * 1024;

	@PostMapping("${worklib.api.base-path}/stripe/webhooks")
	WebhookAck receive(jakarta.servlet.http.HttpServletRequest request,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) throws java.io.IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "webhook-too-large",
					"A Stripe webhook body is at most " + MAX_BODY_BYTES / 1024 + " KB");
		}
		String payload = body.length == 0 ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8);
		if (payload == null || signature == null || signature.isBlank()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-webhook-signature",
					"A Stripe webhook needs its body and a Stripe-Signature header");
		}
		Event event;
		try {
			event = Webhook.constructEvent(payload, signature, this.properties.webhookSecret(),
					this.properties.webhookTolerance().toSeconds(), this.clock);
		}
		catch (SignatureVerificationException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-webhook-signature",
					"The Stripe-Signature does not match this body, or it is older than "
							+ this.properties.webhookTolerance().toSeconds() + " s: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-webhook-payload",
					"The signed body is not a Stripe event");
		}
		if (event.getLivemode() == null || event.getLivemode() != this.properties.livemode()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "webhook-livemode-mismatch",
					"Event " + event.getId() + " has livemode=" + event.getLivemode() + " but this endpoint expects "
							+ (this.properties.livemode() ? "live" : "test") + " mode events");
		}
		return new WebhookAck(event.getId(), this.webhooks.handle(event));
	}

	/**
	 * @param outcome what the event did: applied, duplicate, ignored…
	 */
	record WebhookAck(String eventId, String outcome) {
	}

}
