-- Read models from venue events: partner codes (invoice numbers) and workspace names (lines).
CREATE TABLE billing_partner (
    partner_id uuid PRIMARY KEY,
    code       text   NOT NULL,
    name       text   NOT NULL,
    version    bigint NOT NULL
);

CREATE TABLE billing_workspace (
    workspace_id uuid PRIMARY KEY,
    name         text   NOT NULL,
    version      bigint NOT NULL
);

-- Settings > Billing information: what invoices are generated from.
CREATE TABLE billing_profile (
    partner_id    uuid PRIMARY KEY,
    legal_name    text        NOT NULL,
    legal_form    text        NOT NULL,
    siret         char(14)    NOT NULL,
    vat_number    text,
    vat_regime    text        NOT NULL CHECK (vat_regime IN ('STANDARD', 'FRANCHISE')),
    address_line1 text        NOT NULL,
    address_line2 text,
    postal_code   text        NOT NULL,
    city          text        NOT NULL,
    country       char(2)     NOT NULL,
    billing_email text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    uuid        NOT NULL
);

CREATE TABLE self_billing_mandate (
    partner_id      uuid PRIMARY KEY,
    mandate_version text        NOT NULL,
    accepted_at     timestamptz NOT NULL,
    accepted_by     uuid        NOT NULL
);

-- One billable item per booking: what it bills now (amount_excl_minor) and what was already
-- invoiced for it (invoiced_excl_minor); a difference after issue becomes a regularisation.
CREATE TABLE billable_item (
    booking_id          uuid PRIMARY KEY,
    partner_id          uuid        NOT NULL,
    workspace_id        uuid        NOT NULL,
    service_date        date        NOT NULL,
    service_month       char(7)     NOT NULL,
    booking_status      text        NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('BOOKING', 'LATE_CANCELLATION', 'NOTHING')),
    amount_excl_minor   bigint      NOT NULL,
    currency            char(3)     NOT NULL,
    vat_rate_bps        int         NOT NULL,
    invoiced_excl_minor bigint      NOT NULL DEFAULT 0,
    first_invoice_id    uuid,
    booking_version     bigint      NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX billable_item_partner_month ON billable_item (partner_id, service_month);
CREATE INDEX billable_item_month_open ON billable_item (service_month) WHERE amount_excl_minor <> invoiced_excl_minor;

-- Gap-free numbering: one row per partner and year, incremented inside the invoice's transaction.
CREATE TABLE invoice_series (
    partner_id uuid NOT NULL,
    year       int  NOT NULL,
    last_seq   int  NOT NULL,
    PRIMARY KEY (partner_id, year)
);

CREATE TABLE invoice (
    invoice_id         uuid PRIMARY KEY,
    partner_id         uuid        NOT NULL,
    month              char(7)     NOT NULL,
    number             text        NOT NULL UNIQUE,
    type               text        NOT NULL CHECK (type IN ('INVOICE', 'CREDIT_NOTE')),
    issued_at          timestamptz NOT NULL,
    currency           char(3)     NOT NULL,
    total_excl_minor   bigint      NOT NULL,
    total_vat_minor    bigint      NOT NULL,
    total_incl_minor   bigint      NOT NULL,
    vat_breakdown      jsonb       NOT NULL,
    seller             jsonb       NOT NULL,
    mandate_version    text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('ISSUED', 'PAID', 'PAYMENT_FAILED')),
    status_reason      text,
    version            bigint      NOT NULL,
    UNIQUE (partner_id, month)
);
CREATE INDEX invoice_partner ON invoice (partner_id, month DESC);

CREATE TABLE invoice_line (
    invoice_id          uuid    NOT NULL REFERENCES invoice (invoice_id),
    line_no             int     NOT NULL,
    booking_id          uuid    NOT NULL,
    service_date        date    NOT NULL,
    workspace_name      text    NOT NULL,
    kind                text    NOT NULL,
    amount_excl_minor   bigint  NOT NULL,
    vat_rate_bps        int     NOT NULL,
    regularises_number  text,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE closing (
    closing_id   uuid PRIMARY KEY,
    month        char(7)     NOT NULL,
    trigger      text        NOT NULL,
    requested_at timestamptz NOT NULL,
    requested_by uuid
);
-- the scheduled close of a month fans out once, whichever replica fires first
CREATE UNIQUE INDEX closing_scheduled_once ON closing (month) WHERE trigger = 'SCHEDULED';

CREATE TABLE closing_partner (
    closing_id uuid NOT NULL REFERENCES closing (closing_id),
    partner_id uuid NOT NULL,
    outcome    text NOT NULL CHECK (outcome IN ('PENDING', 'INVOICED', 'SKIPPED', 'NOTHING_TO_INVOICE')),
    reason     text,
    invoice_id uuid,
    PRIMARY KEY (closing_id, partner_id)
);
