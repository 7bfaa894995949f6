-- How to get in once there (floor, door code, reception): shown to the people who booked.
ALTER TABLE establishment ADD COLUMN access_instructions TEXT;
