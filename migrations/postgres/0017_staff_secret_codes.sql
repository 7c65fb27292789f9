-- A setup link an administrator creates comes with a secret code (A-000000) handed over by phone
-- or in person: its hash binds it to the link, 5 wrong codes void the link, and a right code lets
-- one browser go on for 30 minutes (verified_hash/verified_until, like invitations). Links without
-- a code (the first administrator's, printed on the console) keep code_hash NULL.
ALTER TABLE setup_links ADD COLUMN code_hash TEXT;
ALTER TABLE setup_links ADD COLUMN failed_attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE setup_links ADD COLUMN verified_hash TEXT;
ALTER TABLE setup_links ADD COLUMN verified_until BIGINT;
