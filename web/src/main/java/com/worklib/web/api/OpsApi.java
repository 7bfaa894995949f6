package com.worklib.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The ops console's calls, as the signed-in ops member: the API refuses anyone else with
 * 403. The Neo-nomade import goes through a client that waits as long as the gateway lets
 * venues' import take.
 */
public class OpsApi {

	/** Where each service answers, for its dead letters. */
	public static final Map<String, String> SERVICES = new java.util.LinkedHashMap<>(Map.of("identity",
			"/api/identity/v1", "venues", "/api/venues/v1", "bookings", "/api/bookings/v1", "billing",
			"/api/billing/v1", "payments", "/api/payments/v1", "notifications", "/api/notifications/v1"));

	private final RestClient api;

	private final RestClient imports;

	OpsApi(RestClient api, RestClient imports) {
		this.api = api;
		this.imports = imports;
	}

	public record ImportErrorLine(long line, String message) {
	}

	public record ImportResult(int partnersCreated, int partnersUpdated, int establishments, int workspaces,
			int rowsUnchanged, List<ImportErrorLine> errors) {
	}

	public record OpsPartner(UUID partnerId, String name, String status, String code, String migrationEmail,
			String neoNomadeId) {
	}

	public record Skipped(UUID partnerId, String reason) {
	}

	public record Closing(UUID closingId, String month, long partners, long invoicesIssued, List<Skipped> skipped,
			String status) {
	}

	public record Run(UUID runId, LocalDate date, String trigger, String status, int due, int transferred, int blocked,
			int failed, int retrying, Instant startedAt, Instant finishedAt) {
	}

	record ClosingStarted(UUID closingId) {
	}

	record RunStarted(UUID runId) {
	}

	public record Replay(Instant replayedAt, UUID replayedBy) {
	}

	public record DeadLetter(String topic, int partition, long offset, String originalTopic, String consumerGroup,
			String eventId, String eventType, String subject, String failure, Instant failedAt, Replay replayed) {
	}

	public record Delivery(UUID deliveryId, String recipient, String template, String locale, String subject,
			String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
	}

	public ImportResult importNeoNomade(byte[] csv) {
		return PublicApi.call(() -> this.imports.post()
			.uri("/api/venues/v1/imports/neo-nomade")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(csv)
			.retrieve()
			.body(ImportResult.class));
	}

	public PartnerApi.Page<OpsPartner> partners(String q, String status, int page, int size) {
		return PublicApi.call(() -> this.api.get()
			.uri(uri -> uri.path("/api/venues/v1/partners")
				.queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
				.queryParamIfPresent("status", java.util.Optional.ofNullable(status).filter(s -> !s.isBlank()))
				.queryParam("page", page)
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(new ParameterizedTypeReference<PartnerApi.Page<OpsPartner>>() {
			}));
	}

	public UUID startClosing(String month) {
		return PublicApi.call(() -> this.api.post()
			.uri("/api/billing/v1/closings")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("month", month))
			.retrieve()
			.body(ClosingStarted.class)
			.closingId());
	}

	public Closing closing(UUID closingId) {
		return PublicApi
			.call(() -> this.api.get().uri("/api/billing/v1/closings/{id}", closingId).retrieve().body(Closing.class));
	}

	public UUID startRun(String date) {
		return PublicApi.call(() -> this.api.post()
			.uri("/api/payments/v1/payment-runs")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("date", date))
			.retrieve()
			.body(RunStarted.class)
			.runId());
	}

	public Run run(UUID runId) {
		return PublicApi
			.call(() -> this.api.get().uri("/api/payments/v1/payment-runs/{id}", runId).retrieve().body(Run.class));
	}

	public List<DeadLetter> deadLetters(String service) {
		return PublicApi.call(() -> this.api.get()
			.uri(SERVICES.get(service) + "/ops/dead-letters")
			.retrieve()
			.body(new ParameterizedTypeReference<UserApi.Items<DeadLetter>>() {
			})
			.items());
	}

	public DeadLetter replay(String service, String topic, int partition, long offset) {
		return PublicApi.call(() -> this.api.post()
			.uri(SERVICES.get(service) + "/ops/dead-letters/replays")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("topic", topic, "partition", partition, "offset", offset))
			.retrieve()
			.body(DeadLetter.class));
	}

	public List<Delivery> deliveries(String recipient) {
		return PublicApi.call(() -> this.api.get()
			.uri(uri -> uri.path("/api/notifications/v1/deliveries").queryParam("recipient", recipient).build())
			.retrieve()
			.body(new ParameterizedTypeReference<UserApi.Items<Delivery>>() {
			})
			.items());
	}

}
