-- The employer a person gives at sign-up (optional): partners see it next to the booker's
-- first name.
ALTER TABLE user_account ADD COLUMN company TEXT;
