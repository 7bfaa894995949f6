-- Single-use tokens no longer lie in the delivery log in clear (MailSecrets): pending mails keep
-- them sealed here until sent; what was logged before is blanked, sent or given-up mails first.
ALTER TABLE delivery ADD COLUMN sealed_secrets text;
UPDATE delivery
SET text_body = regexp_replace(text_body, '([?&;]token=)[A-Za-z0-9_-]+', '\1[redacted]', 'g'),
    html_body = regexp_replace(html_body, '([?&;]token=)[A-Za-z0-9_-]+', '\1[redacted]', 'g')
WHERE status <> 'PENDING';
-- retention deletes sent and failed mails by age
CREATE INDEX delivery_created_at ON delivery (created_at) WHERE status <> 'PENDING';
