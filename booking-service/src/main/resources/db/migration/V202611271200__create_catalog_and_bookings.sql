-- Read model of venue-service's catalog, fed by venue.* events (versioned upserts), so bookings
-- keep working while venue-service is down.
CREATE TABLE catalog_partner (
    partner_id       UUID PRIMARY KEY,
    name             TEXT   NOT NULL,
    platform_fee_bps INT    NOT NULL,
    version          BIGINT NOT NULL
);

CREATE TABLE catalog_establishment (
    establishment_id UUID PRIMARY KEY,
    partner_id       UUID   NOT NULL,
    name             TEXT   NOT NULL,
    city             TEXT   NOT NULL,
    timezone         TEXT   NOT NULL,
    opening_hours    JSON   NOT NULL,
    version          BIGINT NOT NULL
);

CREATE TABLE catalog_workspace (
    workspace_id     UUID PRIMARY KEY,
    establishment_id UUID    NOT NULL,
    partner_id       UUID    NOT NULL,
    type             TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    capacity         INT     NOT NULL,
    booking_mode     TEXT    NOT NULL,
    price_unit       TEXT    NOT NULL,
    price_minor      BIGINT  NOT NULL,
    currency         CHAR(3) NOT NULL,
    vat_rate_bps     INT     NOT NULL,
    active           BOOLEAN NOT NULL,
    version          BIGINT  NOT NULL
);

CREATE TABLE booking (
    id                     UUID PRIMARY KEY,
    workspace_id           UUID        NOT NULL,
    establishment_id       UUID        NOT NULL,
    partner_id             UUID        NOT NULL,
    booker_id              UUID        NOT NULL,
    status                 TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'CONFIRMED', 'DECLINED', 'EXPIRED', 'CANCELLED')),
    -- meeting rooms and private offices: nobody else may hold an overlapping active booking
    exclusive              BOOLEAN     NOT NULL,
    start_at               TIMESTAMPTZ NOT NULL,
    end_at                 TIMESTAMPTZ NOT NULL CHECK (end_at > start_at),
    service_date           DATE        NOT NULL,
    timezone               TEXT        NOT NULL,
    workspace_name         TEXT        NOT NULL,
    attendees              INT,
    note                   TEXT,
    -- the price snapshot: computed once, never changed
    price_unit             TEXT        NOT NULL,
    quantity               NUMERIC     NOT NULL,
    currency               CHAR(3)     NOT NULL,
    unit_price_minor       BIGINT      NOT NULL,
    amount_excl_vat_minor  BIGINT      NOT NULL,
    vat_rate_bps           INT         NOT NULL,
    vat_minor              BIGINT      NOT NULL,
    amount_incl_vat_minor  BIGINT      NOT NULL,
    platform_fee_minor     BIGINT      NOT NULL,
    customer_incl_vat_minor BIGINT     NOT NULL,
    cancellation_fee_minor BIGINT,
    reason                 TEXT,
    expires_at             TIMESTAMPTZ,
    version                BIGINT      NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (
        workspace_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&
    ) WHERE (exclusive AND status IN ('REQUESTED', 'CONFIRMED'))
);
CREATE INDEX booking_workspace_time ON booking (workspace_id, start_at);
CREATE INDEX booking_partner_date ON booking (partner_id, service_date);
CREATE INDEX booking_booker ON booking (booker_id, start_at);
CREATE INDEX booking_requested_expiry ON booking (expires_at) WHERE status = 'REQUESTED';

-- POST /bookings with an Idempotency-Key: the first answer, replayed.
CREATE TABLE idempotency_key (
    booker_id    UUID        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    booking_id   UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (booker_id, key)
);
