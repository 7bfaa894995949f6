-- Who cancelled: a booker's cancellation is mailed to the booking contact, a partner's is not.
ALTER TABLE booking ADD COLUMN cancelled_by text CHECK (cancelled_by IN ('BOOKER', 'PARTNER'));
