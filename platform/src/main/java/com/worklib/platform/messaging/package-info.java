/**
 * Events out through a transactional outbox relayed to Kafka with CloudEvents binary-mode
 * headers, events in through an inbox that applies each event id once, and failed records
 * to {@code .dlt}.
 */
package com.worklib.platform.messaging;
