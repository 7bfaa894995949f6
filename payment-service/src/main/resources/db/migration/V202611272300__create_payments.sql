-- Connected accounts, payouts, transfer attempts, payment runs and the Stripe webhook log.

CREATE TABLE connected_account (
    partner_id        uuid PRIMARY KEY,
    stripe_account_id text NOT NULL UNIQUE,
    status            text NOT NULL CHECK (status IN ('PENDING', 'ENABLED', 'RESTRICTED')),
    payouts_enabled   boolean NOT NULL,
    requirements_due  text[] NOT NULL DEFAULT '{}',
    disabled_reason   text,
    -- "created" of the newest account.updated applied: older events arrive late and are ignored
    stripe_updated_at timestamptz,
    version           bigint NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE payout (
    payout_id      uuid PRIMARY KEY,
    partner_id     uuid NOT NULL,
    -- one payout per invoice, whatever billing redelivers
    invoice_id     uuid NOT NULL UNIQUE,
    invoice_number text NOT NULL,
    amount_minor   bigint NOT NULL CHECK (amount_minor > 0),
    currency       char(3) NOT NULL,
    planned_date   date NOT NULL,
    deadline       date NOT NULL,
    status         text NOT NULL CHECK (status IN ('PLANNED', 'TRANSFERRED', 'PAID', 'BLOCKED', 'FAILED')),
    reason         text,
    transfer_id    text UNIQUE,
    transferred_at timestamptz,
    -- a payment run holds a payout while it transfers it; an expired lease is free again
    lease_until    timestamptz,
    last_run_id    uuid,
    version        bigint NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX payout_due ON payout (planned_date) WHERE status IN ('PLANNED', 'BLOCKED');
CREATE INDEX payout_by_partner ON payout (partner_id, planned_date DESC);

-- Stored before Stripe is called; its id is the idempotency key of the transfer.
CREATE TABLE transfer_attempt (
    attempt_id   uuid PRIMARY KEY,
    payout_id    uuid NOT NULL REFERENCES payout (payout_id),
    run_id       uuid,
    state        text NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'REFUSED', 'ABANDONED')),
    transfer_id  text,
    tries        integer NOT NULL DEFAULT 0,
    last_error   text,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz
);
-- at most one attempt whose outcome is open per payout: never two keys in flight
CREATE UNIQUE INDEX transfer_attempt_one_open ON transfer_attempt (payout_id) WHERE state = 'PENDING';

CREATE TABLE payment_run (
    run_id       uuid PRIMARY KEY,
    run_date     date NOT NULL,
    trigger      text NOT NULL CHECK (trigger IN ('SCHEDULED', 'OPS')),
    requested_by uuid,
    status       text NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    due          integer NOT NULL DEFAULT 0,
    transferred  integer NOT NULL DEFAULT 0,
    blocked      integer NOT NULL DEFAULT 0,
    failed       integer NOT NULL DEFAULT 0,
    retrying     integer NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL,
    -- touched after every payout: a RUNNING run without news for a while died with its replica
    heartbeat_at timestamptz NOT NULL,
    finished_at  timestamptz
);
-- the daily run starts once, whichever replica's scheduler fires first
CREATE UNIQUE INDEX payment_run_scheduled_once ON payment_run (run_date) WHERE trigger = 'SCHEDULED';

CREATE TABLE stripe_event (
    event_id    text PRIMARY KEY,
    type        text NOT NULL,
    account     text,
    created     timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    outcome     text NOT NULL
);
