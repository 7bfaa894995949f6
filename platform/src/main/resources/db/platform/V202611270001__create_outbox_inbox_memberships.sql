-- Platform tables every service has in its own database: outbox, inbox and the membership read model.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    ce_type      TEXT        NOT NULL,
    ce_subject   TEXT        NOT NULL,
    -- json, not jsonb: the relay publishes exactly the text that was written
    payload      JSON        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL;

CREATE TABLE inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    ce_type      TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE partner_membership (
    partner_id UUID    NOT NULL,
    user_id    UUID    NOT NULL,
    role       TEXT    NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'FINANCE')),
    active     BOOLEAN NOT NULL,
    version    BIGINT  NOT NULL,
    PRIMARY KEY (partner_id, user_id)
);
CREATE INDEX partner_membership_user ON partner_membership (user_id);
