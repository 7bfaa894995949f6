-- Who booked, as the token said at booking time: the partner's bookings table shows the
-- first name, and the address only while a request waits for an answer. Null on older rows.
ALTER TABLE booking ADD COLUMN booker_first_name text, ADD COLUMN booker_email text;
