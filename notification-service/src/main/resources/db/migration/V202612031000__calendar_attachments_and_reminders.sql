-- A delivery's attachment is a document fetched through the gateway when the mail is sent:
-- an invoice's PDF (billing) or a booking's calendar file (booking).
ALTER TABLE delivery RENAME COLUMN attachment_invoice_id TO attachment_document_id;
ALTER TABLE delivery ADD COLUMN attachment_kind text;
UPDATE delivery SET attachment_kind = 'INVOICE_PDF' WHERE attachment_document_id IS NOT NULL;

-- What the booker's mails say about the place: address, booking contact's phone, access.
ALTER TABLE contact_establishment
    ADD COLUMN address             text,
    ADD COLUMN phone               text,
    ADD COLUMN access_instructions text;

-- The day-before reminder of each confirmed booking: due at remind_at (venue time, 10:00 the
-- day before), sent once; a cancelled, declined or expired booking's reminder is dropped.
CREATE TABLE booking_reminder (
    booking_id       uuid PRIMARY KEY,
    booker_user_id   uuid        NOT NULL,
    establishment_id uuid        NOT NULL,
    workspace_id     uuid        NOT NULL,
    start_at         timestamptz NOT NULL,
    end_at           timestamptz NOT NULL,
    service_date     date        NOT NULL,
    timezone         text        NOT NULL,
    remind_at        timestamptz NOT NULL,
    active           boolean     NOT NULL,
    sent_at          timestamptz,
    version          bigint      NOT NULL
);
CREATE INDEX booking_reminder_due ON booking_reminder (remind_at) WHERE active AND sent_at IS NULL;
