-- The invoice mail carries the invoice's PDF: the delivery names the document, which is
-- fetched from billing when the mail is sent (no PDF bytes kept here).
ALTER TABLE delivery
    ADD COLUMN attachment_invoice_id uuid,
    ADD COLUMN attachment_name       text;
