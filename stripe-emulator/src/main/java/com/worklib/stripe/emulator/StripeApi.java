package com.worklib.stripe.emulator;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import com.worklib.stripe.emulator.StripeState.Account;
import com.worklib.stripe.emulator.StripeState.Failure;
import com.worklib.stripe.emulator.StripeState.StoredResponse;
import com.worklib.stripe.emulator.StripeState.Transfer;

/**
 * Serves every request: Stripe's {@code /v1} endpoints with idempotency keys and injected
 * failures, the hosted onboarding page, and the {@code /_emulator} control API.
 */
final class StripeApi implements ResponseDefinitionTransformerV2 {

	static final String NAME = "stripe-api";

	private static final long DEFAULT_TIMEOUT_DELAY_MILLIS = 5_000;

	private final StripeState state;

	private final Webhooks webhooks;

	private final java.util.function.Supplier<String> baseUrl;

	private final ShiftableClock clock;

	StripeApi(StripeState state, Webhooks webhooks, ShiftableClock clock, java.util.function.Supplier<String> baseUrl) {
		this.state = state;
		this.clock = clock;
		this.webhooks = webhooks;
		this.baseUrl = baseUrl;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return true;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		String method = request.getMethod().getName();
		String path = URI.create(request.getUrl()).getPath();
		if (path.startsWith("/_emulator/")) {
			return control(method, path, request.getBodyAsString()).build();
		}
		if (path.startsWith("/connect/onboarding/") && "GET".equals(method)) {
			return hostedOnboarding(path.substring("/connect/onboarding/".length()), request).build();
		}
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.matches("Bearer sk_test_.+")) {
			return json(401, StripeJson.error("invalid_request_error", null,
					"Invalid API Key provided. The emulator accepts sk_test_ keys only."))
				.build();
		}
		String endpoint = method + " " + path.replaceAll("/(acct|tr|po)_[A-Za-z0-9]+", "/{id}");
		Optional<Failure> failure = this.state.nextFailure(endpoint);
		if (failure.isPresent() && !"timeout".equals(failure.get().kind())) {
			return injected(failure.get()).build();
		}
		String idempotencyKey = "POST".equals(method) ? request.getHeader("Idempotency-Key") : null;
		String fingerprint = endpoint + "?" + request.getBodyAsString();
		ResponseDefinitionBuilder response;
		if (idempotencyKey != null) {
			Optional<StoredResponse> stored = this.state.storedResponse(idempotencyKey);
			if (stored.isPresent()) {
				response = stored.get().fingerprint().equals(fingerprint) ? json(stored.get().status(), stored.get()
					.body()).withHeader("Idempotent-Replayed", "true") : json(400, StripeJson.error("idempotency_error",
							null,
							"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '"
									+ idempotencyKey + "' if you meant to execute a different request."));
				return delayed(response, failure).build();
			}
		}
		Result result = api(method, path, form(request.getBodyAsString()), request, idempotencyKey);
		String body = StripeJson.GSON.toJson(result.body());
		if (idempotencyKey != null) {
			this.state.storeResponse(idempotencyKey, new StoredResponse(fingerprint, result.status(), body));
		}
		return delayed(json(result.status(), body), failure).build();
	}

	private record Result(int status, JsonObject body) {
	}

	private Result api(String method, String path, Map<String, String> form, LoggedRequest request,
			String idempotencyKey) {
		String[] segments = path.substring(1).split("/");
		if ("POST".equals(method) && "/v1/accounts".equals(path)) {
			Account account = this.state.createAccount(form.get("type"), form.get("country"), form.get("email"),
					metadata(form));
			return new Result(200, StripeJson.account(account));
		}
		if ("GET".equals(method) && segments.length == 3 && "accounts".equals(segments[1])) {
			return this.state.account(segments[2])
				.map(account -> new Result(200, StripeJson.account(account)))
				.orElseGet(() -> missing("account", segments[2]));
		}
		if ("POST".equals(method) && "/v1/account_links".equals(path)) {
			String accountId = form.get("account");
			if (accountId == null || this.state.account(accountId).isEmpty()) {
				return missing("account", String.valueOf(accountId));
			}
			for (String required : List.of("type", "refresh_url", "return_url")) {
				if (form.get(required) == null) {
					return invalid("parameter_missing", required, "Missing required param: " + required + ".");
				}
			}
			String url = this.baseUrl.get() + "/connect/onboarding/" + accountId + "?return_url="
					+ java.net.URLEncoder.encode(form.get("return_url"), StandardCharsets.UTF_8);
			return new Result(200, StripeJson.accountLink(url, this.state.now()));
		}
		if ("POST".equals(method) && "/v1/transfers".equals(path)) {
			return createTransfer(form, idempotencyKey);
		}
		if ("GET".equals(method) && "/v1/transfers".equals(path)) {
			String group = query(request, "transfer_group");
			String destination = query(request, "destination");
			List<JsonObject> data = new ArrayList<>();
			for (Transfer transfer : this.state.transfers().reversed()) {
				if ((group == null || group.equals(transfer.transferGroup))
						&& (destination == null || destination.equals(transfer.destination))) {
					data.add(StripeJson.transfer(transfer));
				}
			}
			return new Result(200, StripeJson.list("/v1/transfers", data));
		}
		if ("GET".equals(method) && segments.length == 3 && "transfers".equals(segments[1])) {
			return this.state.transfer(segments[2])
				.map(transfer -> new Result(200, StripeJson.transfer(transfer)))
				.orElseGet(() -> missing("transfer", segments[2]));
		}
		if ("GET".equals(method) && "/v1/balance".equals(path)) {
			return new Result(200, StripeJson.balance(this.state.availableBalance()));
		}
		return new Result(404, StripeJson.error("invalid_request_error", null,
				"Unrecognized request URL (" + method + ": " + path + ")."));
	}

	private Result createTransfer(Map<String, String> form, String idempotencyKey) {
		for (String required : List.of("amount", "currency", "destination")) {
			if (form.get(required) == null) {
				return invalid("parameter_missing", required, "Missing required param: " + required + ".");
			}
		}
		long amount;
		try {
			amount = Long.parseLong(form.get("amount"));
		}
		catch (NumberFormatException ex) {
			return invalid("parameter_invalid_integer", "amount", "Invalid integer: " + form.get("amount"));
		}
		if (amount < 1) {
			return invalid("parameter_invalid_integer", "amount", "This value must be greater than or equal to 1.");
		}
		Optional<Account> destination = this.state.account(form.get("destination"));
		if (destination.isEmpty()) {
			return invalid("resource_missing", "destination", "No such destination: '" + form.get("destination") + "'");
		}
		if (!destination.get().payoutsEnabled) {
			return invalid(null, "destination",
					"Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments");
		}
		if (amount > this.state.availableBalance()) {
			return invalid("balance_insufficient", null,
					"You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card.");
		}
		Transfer transfer = this.state.createTransfer(amount, form.get("currency"), form.get("destination"),
				form.get("transfer_group"), metadata(form), idempotencyKey);
		return new Result(200, StripeJson.transfer(transfer));
	}

	private ResponseDefinitionBuilder hostedOnboarding(String accountId, LoggedRequest request) {
		Optional<Account> account = this.state.completeOnboarding(accountId);
		if (account.isEmpty()) {
			return aResponse(404).withBody("This onboarding link is not valid.");
		}
		this.webhooks.send("account.updated", accountId, StripeJson.account(account.get()));
		String returnUrl = query(request, "return_url");
		return returnUrl == null ? aResponse(200).withBody("Onboarding complete. You can close this page.")
				: aResponse(302).withHeader("Location", returnUrl);
	}

	private ResponseDefinitionBuilder control(String method, String path, String body) {
		String[] segments = path.substring(1).split("/");
		JsonObject input = body == null || body.isBlank() ? new JsonObject()
				: JsonParser.parseString(body).getAsJsonObject();
		if ("POST".equals(method) && "/_emulator/webhook-endpoint".equals(path)) {
			this.webhooks.configure(input.get("url").getAsString(), input.get("secret").getAsString());
			return json(200, input);
		}
		if ("POST".equals(method) && segments.length == 4 && "accounts".equals(segments[1])) {
			String accountId = segments[2];
			Optional<Account> account = switch (segments[3]) {
				case "complete-onboarding" -> this.state.completeOnboarding(accountId);
				case "restrict" -> this.state.restrict(accountId, strings(input.get("requirements"),
						List.of("individual.verification.document", "external_account")));
				default -> Optional.empty();
			};
			if ("payouts".equals(segments[3])) {
				boolean paid = !"failed".equals(string(input.get("status")));
				return this.state.payOut(accountId, paid, string(input.get("failureCode")))
					.map(payout -> delivered(this.webhooks.send(paid ? "payout.paid" : "payout.failed", accountId,
							StripeJson.payout(payout)), StripeJson.payout(payout)))
					.orElseGet(() -> json(404, StripeJson.error("invalid_request_error", "resource_missing",
							"No such account: '" + accountId + "'")));
			}
			return account
				.map(a -> delivered(this.webhooks.send("account.updated", accountId, StripeJson.account(a)),
						StripeJson.account(a)))
				.orElseGet(() -> json(404, StripeJson.error("invalid_request_error", "resource_missing",
						"No such account or action: " + path)));
		}
		if ("POST".equals(method) && segments.length == 4 && "transfers".equals(segments[1])
				&& "reverse".equals(segments[3])) {
			return this.state.reverse(segments[2])
				.map(transfer -> delivered(this.webhooks.send("transfer.reversed", null, StripeJson.transfer(transfer)),
						StripeJson.transfer(transfer)))
				.orElseGet(() -> json(404, StripeJson.error("invalid_request_error", "resource_missing",
						"No such transfer: '" + segments[2] + "'")));
		}
		if ("/_emulator/clock".equals(path)) {
			if ("PUT".equals(method)) {
				this.clock.set(java.time.OffsetDateTime.parse(input.get("instant").getAsString()).toInstant());
			}
			else if ("DELETE".equals(method)) {
				this.clock.reset();
			}
			JsonObject now = new JsonObject();
			now.addProperty("instant", this.clock.instant().toString());
			return json(200, now);
		}
		if ("GET".equals(method) && "/_emulator/transfers".equals(path)) {
			List<JsonObject> data = new ArrayList<>();
			for (Transfer transfer : this.state.transfers()) {
				JsonObject json = StripeJson.transfer(transfer);
				json.addProperty("idempotency_key", transfer.idempotencyKey);
				data.add(json);
			}
			return json(200, StripeJson.list("/_emulator/transfers", data));
		}
		if ("POST".equals(method) && "/_emulator/failures".equals(path)) {
			String error = string(input.get("error"));
			if (!List.of("rate_limit", "api_error", "timeout", "insufficient_funds").contains(error)) {
				return json(400, StripeJson.error("invalid_request_error", null,
						"error must be one of rate_limit, api_error, timeout, insufficient_funds"));
			}
			int count = input.has("count") ? input.get("count").getAsInt() : 1;
			long delay = input.has("delayMillis") ? input.get("delayMillis").getAsLong() : DEFAULT_TIMEOUT_DELAY_MILLIS;
			this.state.addFailures(input.has("endpoint") ? input.get("endpoint").getAsString() : "POST /v1/transfers",
					new Failure(error, delay), count);
			return json(200, input);
		}
		if ("DELETE".equals(method) && "/_emulator/failures".equals(path)) {
			this.state.clearFailures();
			return json(200, new JsonObject());
		}
		if ("POST".equals(method) && "/_emulator/balance".equals(path)) {
			this.state.setAvailableBalance(input.get("available").getAsLong());
			return json(200, StripeJson.balance(this.state.availableBalance()));
		}
		if ("GET".equals(method) && "/_emulator/events".equals(path)) {
			JsonArray events = new JsonArray();
			this.webhooks.sentPayloads().forEach(payload -> events.add(JsonParser.parseString(payload)));
			JsonObject json = new JsonObject();
			json.add("data", events);
			return json(200, json);
		}
		if ("POST".equals(method) && segments.length == 4 && "events".equals(segments[1])
				&& "resend".equals(segments[3])) {
			return this.webhooks.resend(segments[2])
				.map(status -> delivered(status, new JsonObject()))
				.orElseGet(() -> json(404, StripeJson.error("invalid_request_error", "resource_missing",
						"No such event: '" + segments[2] + "'")));
		}
		return json(404, StripeJson.error("invalid_request_error", null,
				"Unrecognized emulator control request (" + method + ": " + path + ")."));
	}

	private static ResponseDefinitionBuilder delivered(int webhookStatus, JsonObject object) {
		JsonObject json = new JsonObject();
		json.add("object", object);
		json.addProperty("webhookStatus", webhookStatus);
		return json(200, json);
	}

	private static ResponseDefinitionBuilder injected(Failure failure) {
		return switch (failure.kind()) {
			case "rate_limit" -> json(429, StripeJson.error("invalid_request_error", "rate_limit",
					"Too many requests hit the API too quickly. We recommend an exponential backoff of your requests."));
			case "insufficient_funds" -> json(400, StripeJson.error("invalid_request_error", "balance_insufficient",
					"You have insufficient available funds in your Stripe account."));
			default ->
				json(500, StripeJson.error("api_error", null, "An unknown error occurred (injected by the emulator)."));
		};
	}

	private static ResponseDefinitionBuilder delayed(ResponseDefinitionBuilder response, Optional<Failure> failure) {
		return failure.map(f -> response.withFixedDelay((int) f.delayMillis())).orElse(response);
	}

	private static Result missing(String object, String id) {
		return new Result(404,
				StripeJson.error("invalid_request_error", "resource_missing", "No such " + object + ": '" + id + "'"));
	}

	private static Result invalid(String code, String param, String message) {
		JsonObject body = StripeJson.error("invalid_request_error", code, message);
		body.getAsJsonObject("error").addProperty("param", param);
		return new Result(400, body);
	}

	private static ResponseDefinitionBuilder json(int status, JsonObject body) {
		return json(status, StripeJson.GSON.toJson(body));
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse(status).withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", StripeState.id("req_"))
			.withBody(body);
	}

	private static ResponseDefinitionBuilder aResponse(int status) {
		return new ResponseDefinitionBuilder().withStatus(status);
	}

	/** Stripe's form encoding, flattened: {@code metadata[invoice_id]} stays one key. */
	static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		if (body == null || body.isBlank()) {
			return form;
		}
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			form.put(key, value);
		}
		return form;
	}

	private static Map<String, String> metadata(Map<String, String> form) {
		Map<String, String> metadata = new LinkedHashMap<>();
		form.forEach((key, value) -> {
			if (key.startsWith("metadata[") && key.endsWith("]")) {
				metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
			}
		});
		return metadata;
	}

	private static String query(LoggedRequest request, String name) {
		var parameter = request.queryParameter(name);
		return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
	}

	private static String string(JsonElement element) {
		return element == null || element.isJsonNull() ? null : element.getAsString();
	}

	private static List<String> strings(JsonElement element, List<String> otherwise) {
		if (element == null || !element.isJsonArray()) {
			return otherwise;
		}
		List<String> values = new ArrayList<>();
		element.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
		return values;
	}

}
