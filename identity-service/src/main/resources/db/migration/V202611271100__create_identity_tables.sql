-- Mirror of Keycloak users: the id is Keycloak's user id (the token subject).
CREATE TABLE user_account (
    id             UUID PRIMARY KEY,
    email          TEXT        NOT NULL UNIQUE,
    first_name     TEXT        NOT NULL,
    last_name      TEXT        NOT NULL,
    locale         TEXT        NOT NULL,
    email_verified BOOLEAN     NOT NULL,
    version        BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- Single-use tokens are stored as SHA-256 hashes only.
CREATE TABLE email_verification (
    token_hash TEXT PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- Migrated partners waiting for the owner of their migration email.
CREATE TABLE pending_claim (
    partner_id      UUID PRIMARY KEY,
    email           TEXT        NOT NULL,
    partner_name    TEXT        NOT NULL,
    partner_version BIGINT      NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'CLAIMED', 'WITHDRAWN')),
    claimed_by      UUID,
    claimed_at      TIMESTAMPTZ
);
CREATE INDEX pending_claim_email ON pending_claim (email) WHERE status = 'PENDING';

-- identity-service owns memberships: the platform read model table is its source of truth here.
ALTER TABLE partner_membership ADD COLUMN since TIMESTAMPTZ;

CREATE TABLE invitation (
    id          UUID PRIMARY KEY,
    partner_id  UUID        NOT NULL,
    email       TEXT        NOT NULL,
    first_name  TEXT        NOT NULL,
    last_name   TEXT        NOT NULL,
    role        TEXT        NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'FINANCE')),
    token_hash  TEXT        NOT NULL UNIQUE,
    status      TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REVOKED')),
    expires_at  TIMESTAMPTZ NOT NULL,
    invited_by  UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    accepted_by UUID,
    accepted_at TIMESTAMPTZ
);
CREATE INDEX invitation_partner ON invitation (partner_id);

-- A sign-up in progress: written before Keycloak is called, removed with the mirror row's commit.
-- What is left after a crash or an outage is reconciled (SignupReconciler).
CREATE TABLE signup_attempt (
    email      TEXT PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL
);

-- Names of partners, from venue.partners.v1, for invitation mails.
CREATE TABLE partner_view (
    partner_id UUID PRIMARY KEY,
    name       TEXT   NOT NULL,
    version    BIGINT NOT NULL
);
