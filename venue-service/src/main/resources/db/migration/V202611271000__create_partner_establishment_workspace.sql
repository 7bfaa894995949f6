CREATE TABLE partner (
    id               UUID PRIMARY KEY,
    code             TEXT        NOT NULL UNIQUE,
    name             TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('UNCLAIMED', 'CLAIMED')),
    platform_fee_bps INT         NOT NULL CHECK (platform_fee_bps BETWEEN 0 AND 10000),
    migration_email  TEXT,
    nn_partner_id    TEXT UNIQUE,
    version          BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE establishment (
    id                  UUID PRIMARY KEY,
    partner_id          UUID        NOT NULL REFERENCES partner (id),
    name                TEXT        NOT NULL,
    address_line1       TEXT        NOT NULL,
    address_line2       TEXT,
    postal_code         TEXT        NOT NULL,
    city                TEXT        NOT NULL,
    -- lower case, no accents, no punctuation: what search matches on
    city_key            TEXT        NOT NULL,
    country             TEXT        NOT NULL,
    timezone            TEXT        NOT NULL,
    opening_hours       JSONB       NOT NULL,
    description         TEXT,
    contact_email       TEXT,
    contact_phone       TEXT,
    nn_establishment_id TEXT UNIQUE,
    version             BIGINT      NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX establishment_partner ON establishment (partner_id);
CREATE INDEX establishment_city_key ON establishment (city_key);

CREATE TABLE workspace (
    id               UUID PRIMARY KEY,
    establishment_id UUID        NOT NULL REFERENCES establishment (id),
    partner_id       UUID        NOT NULL REFERENCES partner (id),
    type             TEXT        NOT NULL CHECK (type IN ('DESK', 'MEETING_ROOM', 'PRIVATE_OFFICE')),
    name             TEXT        NOT NULL,
    capacity         INT         NOT NULL CHECK (capacity >= 1),
    booking_mode     TEXT        NOT NULL CHECK (booking_mode IN ('INSTANT', 'REQUEST')),
    price_unit       TEXT        NOT NULL CHECK (price_unit IN ('HOUR', 'HALF_DAY', 'DAY')),
    price_minor      BIGINT      NOT NULL CHECK (price_minor > 0),
    currency         CHAR(3)     NOT NULL,
    vat_rate_bps     INT         NOT NULL CHECK (vat_rate_bps IN (0, 210, 550, 1000, 2000)),
    active           BOOLEAN     NOT NULL,
    nn_workspace_id  TEXT UNIQUE,
    version          BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX workspace_establishment ON workspace (establishment_id);
