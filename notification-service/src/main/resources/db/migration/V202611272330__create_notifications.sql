-- What notification-service needs to address mails (read models fed by events) and the
-- delivery log.

CREATE TABLE contact_user (
    user_id    uuid PRIMARY KEY,
    email      text NOT NULL,
    first_name text,
    last_name  text,
    locale     text,
    version    bigint NOT NULL
);

CREATE TABLE contact_partner (
    partner_id      uuid PRIMARY KEY,
    name            text NOT NULL,
    status          text NOT NULL,
    migration_email text,
    version         bigint NOT NULL
);

CREATE TABLE contact_establishment (
    establishment_id      uuid PRIMARY KEY,
    partner_id            uuid NOT NULL,
    name                  text NOT NULL,
    timezone              text NOT NULL,
    booking_contact_email text,
    version               bigint NOT NULL
);

CREATE TABLE contact_workspace (
    workspace_id     uuid PRIMARY KEY,
    establishment_id uuid NOT NULL,
    name             text NOT NULL,
    version          bigint NOT NULL
);

-- An invoice mail needs the invoice (billing) and its planned payout date (payment),
-- which arrive on two topics in either order.
CREATE TABLE invoice_notice (
    invoice_id          uuid PRIMARY KEY,
    partner_id          uuid NOT NULL,
    number              text,
    month               text,
    total_incl_minor    bigint,
    currency            char(3),
    billing_email       text,
    payout_planned_date date
);

CREATE TABLE delivery (
    delivery_id     uuid PRIMARY KEY,
    -- the event id, or a business key for "once per partner" mails (migration, invoice)
    dedupe_key      text NOT NULL,
    recipient       text NOT NULL,
    template        text NOT NULL,
    locale          text NOT NULL,
    subject         text NOT NULL,
    text_body       text NOT NULL,
    html_body       text NOT NULL,
    status          text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    UNIQUE (dedupe_key, recipient, template)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_by_recipient ON delivery (lower(recipient), created_at DESC);
