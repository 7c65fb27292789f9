-- An authenticator app being set up: its secret waits here until a first code confirms it.
ALTER TABLE accounts ADD COLUMN totp_pending TEXT;
