package com.worklib.stripe.emulator;

import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import com.stripe.Stripe;

import com.worklib.stripe.emulator.StripeState.Account;
import com.worklib.stripe.emulator.StripeState.Payout;
import com.worklib.stripe.emulator.StripeState.Transfer;

/**
 * Stripe's JSON shapes for the objects the emulator holds (API version of stripe-java).
 */
final class StripeJson {

	static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().create();

	private StripeJson() {
	}

	static JsonObject error(String type, String code, String message) {
		JsonObject error = new JsonObject();
		error.addProperty("type", type);
		error.addProperty("code", code);
		error.addProperty("message", message);
		JsonObject body = new JsonObject();
		body.add("error", error);
		return body;
	}

	static JsonObject account(Account account) {
		JsonObject json = new JsonObject();
		json.addProperty("id", account.id);
		json.addProperty("object", "account");
		json.addProperty("type", account.type);
		json.addProperty("country", account.country);
		json.addProperty("email", account.email);
		json.addProperty("charges_enabled", account.chargesEnabled);
		json.addProperty("payouts_enabled", account.payoutsEnabled);
		json.addProperty("details_submitted", account.detailsSubmitted);
		json.addProperty("default_currency", "eur");
		json.add("metadata", map(account.metadata));
		JsonObject requirements = new JsonObject();
		requirements.add("currently_due", strings(account.currentlyDue));
		requirements.add("eventually_due", strings(account.currentlyDue));
		requirements.add("past_due", strings(account.disabledReason == null ? List.of() : account.currentlyDue));
		requirements.addProperty("disabled_reason", account.disabledReason);
		requirements.add("errors", new JsonArray());
		json.add("requirements", requirements);
		JsonObject capabilities = new JsonObject();
		capabilities.addProperty("transfers", account.payoutsEnabled ? "active" : "inactive");
		json.add("capabilities", capabilities);
		json.addProperty("created", account.created);
		json.addProperty("livemode", false);
		return json;
	}

	static JsonObject transfer(Transfer transfer) {
		JsonObject json = new JsonObject();
		json.addProperty("id", transfer.id);
		json.addProperty("object", "transfer");
		json.addProperty("amount", transfer.amount);
		json.addProperty("amount_reversed", transfer.amountReversed);
		json.addProperty("currency", transfer.currency);
		json.addProperty("destination", transfer.destination);
		json.addProperty("transfer_group", transfer.transferGroup);
		json.addProperty("reversed", transfer.amountReversed > 0);
		json.add("metadata", map(transfer.metadata));
		json.addProperty("created", transfer.created);
		json.addProperty("livemode", false);
		return json;
	}

	static JsonObject payout(Payout payout) {
		JsonObject json = new JsonObject();
		json.addProperty("id", payout.id());
		json.addProperty("object", "payout");
		json.addProperty("amount", payout.amount());
		json.addProperty("currency", "eur");
		json.addProperty("arrival_date", payout.created());
		json.addProperty("created", payout.created());
		json.addProperty("status", payout.status());
		json.addProperty("failure_code", payout.failureCode());
		json.addProperty("failure_message",
				payout.failureCode() == null ? null : "The bank refused the payout (" + payout.failureCode() + ").");
		json.addProperty("automatic", true);
		json.addProperty("livemode", false);
		return json;
	}

	static JsonObject accountLink(String url, long created) {
		JsonObject json = new JsonObject();
		json.addProperty("object", "account_link");
		json.addProperty("created", created);
		json.addProperty("expires_at", created + 300);
		json.addProperty("url", url);
		return json;
	}

	static JsonObject balance(long available) {
		JsonObject amount = new JsonObject();
		amount.addProperty("amount", available);
		amount.addProperty("currency", "eur");
		JsonArray availableList = new JsonArray();
		availableList.add(amount);
		JsonObject json = new JsonObject();
		json.addProperty("object", "balance");
		json.add("available", availableList);
		json.add("pending", new JsonArray());
		json.addProperty("livemode", false);
		return json;
	}

	static JsonObject list(String url, List<JsonObject> data) {
		JsonArray array = new JsonArray();
		data.forEach(array::add);
		JsonObject json = new JsonObject();
		json.addProperty("object", "list");
		json.addProperty("url", url);
		json.addProperty("has_more", false);
		json.add("data", array);
		return json;
	}

	/**
	 * An event as Stripe sends it to a Connect webhook endpoint: {@code account} names
	 * the connected account the object belongs to.
	 */
	static JsonObject event(String id, String type, String account, JsonObject object, long created) {
		JsonObject data = new JsonObject();
		data.add("object", object);
		JsonObject request = new JsonObject();
		request.add("id", JsonNull.INSTANCE);
		request.add("idempotency_key", JsonNull.INSTANCE);
		JsonObject json = new JsonObject();
		json.addProperty("id", id);
		json.addProperty("object", "event");
		json.addProperty("api_version", Stripe.API_VERSION);
		json.addProperty("account", account);
		json.addProperty("created", created);
		json.add("data", data);
		json.addProperty("livemode", false);
		json.addProperty("pending_webhooks", 1);
		json.add("request", request);
		json.addProperty("type", type);
		return json;
	}

	private static JsonElement map(Map<String, String> values) {
		JsonObject json = new JsonObject();
		values.forEach(json::addProperty);
		return json;
	}

	private static JsonArray strings(List<String> values) {
		JsonArray array = new JsonArray();
		values.forEach(array::add);
		return array;
	}

}
