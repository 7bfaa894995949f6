package com.worklib.billing.close;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.contracts.Topics;
import com.worklib.contracts.booking.BookingPayload;

/**
 * Booking events become billable items, a whole poll at a time: one JDBC batch of
 * version-guarded upserts per poll ({@link BillableItemRepository#upsert}), so
 * redelivered and reordered events change nothing and no inbox row is needed. An
 * unreadable event goes to the dead-letter topic alone.
 */
@Component
public class BillableItemIngest {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BillableItemIngest.class);

	private final BillableItemRepository items;

	private final JsonMapper json;

	BillableItemIngest(BillableItemRepository items, JsonMapper json) {
		this.items = items;
		this.json = json;
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
		int written = this.items.upsert(items);
		log.debug("{} booking events, {} bookings written", records.size(), written);
	}

}
