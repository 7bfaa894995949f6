-- Retention (platform/retention) deletes by these columns every hour: without an index each
-- batch would scan the whole table.
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
