-- Account mails (verification, invitation, claim) leave before booking notices and money
-- mails: a 30-minute soak left 11,834 notices queued and a sign-up's verification link behind
-- them. 0 = account, 1 = notice (MailContent.Priority).
ALTER TABLE delivery ADD COLUMN priority smallint NOT NULL DEFAULT 1 CHECK (priority IN (0, 1));
DROP INDEX delivery_due;
CREATE INDEX delivery_due ON delivery (priority, next_attempt_at) WHERE status = 'PENDING';
