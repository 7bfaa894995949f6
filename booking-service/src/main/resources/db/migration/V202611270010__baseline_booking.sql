-- Baseline of the booking database, owned by booking-service alone (no other service reads it).
-- Platform tables (outbox, inbox, membership read model) come from db/platform.
CREATE EXTENSION IF NOT EXISTS btree_gist;
