package com.worklib.stripe.emulator;

/**
 * Response bodies in Stripe's JSON shapes, as Handlebars templates over the request (form
 * fields are read with {@code formData}).
 */
final class StripeShapes {

	private StripeShapes() {
	}

	static String error(String type, String code, String message) {
		return """
				{"error": {"type": "%s", "code": %s, "message": "%s"}}""".formatted(type,
				code == null ? "null" : "\"" + code + "\"", message);
	}

	static String newAccount() {
		return """
				{{formData request.body 'form' urlDecode=true}}{
				  "id": "acct_{{randomValue length=16 type='ALPHANUMERIC'}}",
				  "object": "account",
				  "type": "{{#if form.type}}{{form.type}}{{else}}express{{/if}}",
				  "country": "{{#if form.country}}{{form.country}}{{else}}FR{{/if}}",
				  "email": {{#if form.email}}"{{form.email}}"{{else}}null{{/if}},
				  "charges_enabled": false,
				  "payouts_enabled": false,
				  "details_submitted": false,
				  "default_currency": "eur",
				  "metadata": {},
				  "requirements": {
				    "currently_due": ["business_type", "external_account", "tos_acceptance.date"],
				    "eventually_due": ["business_type", "external_account", "tos_acceptance.date"],
				    "past_due": [],
				    "disabled_reason": "requirements.past_due"
				  },
				  "created": {{now format='epoch'}},
				  "livemode": false
				}""";
	}

	static String existingAccount() {
		return """
				{
				  "id": "{{request.pathSegments.[2]}}",
				  "object": "account",
				  "type": "express",
				  "country": "FR",
				  "charges_enabled": false,
				  "payouts_enabled": false,
				  "details_submitted": false,
				  "default_currency": "eur",
				  "metadata": {},
				  "requirements": {
				    "currently_due": ["external_account"],
				    "eventually_due": ["external_account"],
				    "past_due": [],
				    "disabled_reason": "requirements.past_due"
				  },
				  "livemode": false
				}""";
	}

	static String accountLink(String baseUrl) {
		return """
				{{formData request.body 'form' urlDecode=true}}{
				  "object": "account_link",
				  "created": {{now format='epoch'}},
				  "expires_at": {{now offset='300 seconds' format='epoch'}},
				  "url": "%s/connect/onboarding/{{form.account}}?return_url={{urlEncode form.return_url}}"
				}""".formatted(baseUrl);
	}

	static String transfer() {
		return """
				{{formData request.body 'form' urlDecode=true}}{
				  "id": "tr_{{randomValue length=16 type='ALPHANUMERIC'}}",
				  "object": "transfer",
				  "amount": {{form.amount}},
				  "currency": "{{form.currency}}",
				  "destination": "{{form.destination}}",
				  "transfer_group": {{#if form.transfer_group}}"{{form.transfer_group}}"{{else}}null{{/if}},
				  "reversed": false,
				  "metadata": {},
				  "created": {{now format='epoch'}},
				  "livemode": false
				}""";
	}

}
