-- What the person who booked needs to get there (address, booking contact's phone, access
-- instructions), and the search key of the city (accents and case removed, as venue's search).
-- Establishments already in the catalog get these with their next change.
ALTER TABLE catalog_establishment
    ADD COLUMN city_key            TEXT,
    ADD COLUMN address_line1       TEXT,
    ADD COLUMN address_line2       TEXT,
    ADD COLUMN postal_code         TEXT,
    ADD COLUMN country             TEXT,
    ADD COLUMN contact_phone       TEXT,
    ADD COLUMN access_instructions TEXT;
UPDATE catalog_establishment SET city_key = lower(city);
ALTER TABLE catalog_establishment ALTER COLUMN city_key SET NOT NULL;
CREATE INDEX catalog_establishment_city ON catalog_establishment (city_key);
CREATE INDEX catalog_workspace_establishment ON catalog_workspace (establishment_id);
CREATE INDEX booking_establishment_time ON booking (establishment_id, start_at);

-- One secret subscription URL per establishment (its partner's own calendar); rotating it
-- replaces the secret, and the old URL stops answering.
CREATE TABLE calendar_feed (
    establishment_id UUID PRIMARY KEY,
    partner_id       UUID        NOT NULL,
    secret           TEXT        NOT NULL UNIQUE,
    created_at       TIMESTAMPTZ NOT NULL
);
