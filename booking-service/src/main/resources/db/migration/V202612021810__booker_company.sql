-- Who books, as identity says (identity.users.v1): the company a person gave at sign-up.
-- A booking keeps the company of its booker at booking time, like the first name.
CREATE TABLE booker_profile (
    user_id uuid PRIMARY KEY,
    company text,
    version bigint NOT NULL
);
ALTER TABLE booking ADD COLUMN booker_company text;
