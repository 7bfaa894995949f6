package com.worklib.billing.items;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.contracts.Topics;
import com.worklib.contracts.booking.BookingPayload;

/**
 * Booking events become billable items, a whole poll at a time: one JDBC batch of
 * version-guarded upserts per poll, so redelivered and reordered events change nothing
 * and no inbox row is needed. An unreadable event goes to the dead-letter topic alone.
 */
@Component
public class BillableItemIngest {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BillableItemIngest.class);

	static final String UPSERT = """
			INSERT INTO billable_item (booking_id, partner_id, workspace_id, service_date, service_month, booking_status, kind,
			  amount_excl_minor, currency, vat_rate_bps, booking_version, updated_at)
			VALUES (:booking, :partner, :workspace, :date, :month, :status, :kind, :amount, :currency, :vat, :version, :now)
			ON CONFLICT (booking_id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id, service_date = EXCLUDED.service_date,
			  service_month = EXCLUDED.service_month, booking_status = EXCLUDED.booking_status, kind = EXCLUDED.kind,
			  amount_excl_minor = EXCLUDED.amount_excl_minor, currency = EXCLUDED.currency,
			  vat_rate_bps = EXCLUDED.vat_rate_bps, booking_version = EXCLUDED.booking_version, updated_at = EXCLUDED.updated_at
			WHERE billable_item.booking_version < EXCLUDED.booking_version
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	BillableItemIngest(NamedParameterJdbcTemplate jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@KafkaListener(id = "billing-items", topics = Topics.BOOKING_BOOKINGS, groupId = "billing-service-items",
			containerFactory = "batchListenerContainerFactory")
	@Transactional
	public void onBookings(List<ConsumerRecord<String, String>> records) {
		List<BillableItem> items = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			try {
				items.add(BillableItem.from(this.json.readValue(records.get(i).value(), BookingPayload.class)));
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException("Unreadable booking event", ex, i);
			}
		}
		int written = upsert(items);
		log.debug("{} booking events, {} bookings written", records.size(), written);
	}

	/**
	 * Applies the newest version of each booking among {@code items} (one statement may
	 * not touch a row twice once the driver rewrites the batch into one multi-row
	 * insert); returns how many bookings were written.
	 */
	public int upsert(List<BillableItem> items) {
		if (items.isEmpty()) {
			return 0;
		}
		Map<UUID, BillableItem> newest = new LinkedHashMap<>();
		for (BillableItem item : items) {
			newest.merge(item.bookingId(), item, (a, b) -> a.bookingVersion() >= b.bookingVersion() ? a : b);
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		MapSqlParameterSource[] batch = newest.values()
			.stream()
			.map(item -> new MapSqlParameterSource().addValue("booking", item.bookingId())
				.addValue("partner", item.partnerId())
				.addValue("workspace", item.workspaceId())
				.addValue("date", item.serviceDate())
				.addValue("month", item.serviceMonth().toString())
				.addValue("status", item.bookingStatus())
				.addValue("kind", item.kind())
				.addValue("amount", item.amountExclVat().amountMinor())
				.addValue("currency", item.amountExclVat().currency().getCurrencyCode())
				.addValue("vat", item.vatRateBps())
				.addValue("version", item.bookingVersion())
				.addValue("now", now))
			.toArray(MapSqlParameterSource[]::new);
		this.jdbc.batchUpdate(UPSERT, batch);
		return batch.length;
	}

}
