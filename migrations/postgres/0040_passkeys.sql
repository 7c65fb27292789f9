-- Passkeys (WebAuthn, issue #34). A person's passkeys share one random user handle, which the
-- authenticator hands back at a sign-in without an email; it reveals nothing of the account.
ALTER TABLE accounts ADD COLUMN passkey_user_handle TEXT;
CREATE UNIQUE INDEX accounts_passkey_user_handle ON accounts(passkey_user_handle);
-- The public part of each passkey (webauthn-rs's Passkey, JSON), its counter inside; the private
-- key never leaves the person's device.
CREATE TABLE passkeys (
    id            BIGSERIAL PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES accounts(id),
    credential_id TEXT   NOT NULL UNIQUE,
    name          TEXT   NOT NULL,
    credential    TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT
);
CREATE INDEX passkeys_account ON passkeys(account_id);
-- A ceremony under way (register, sign in, re-authenticate): the challenge's state between its
-- two requests, found by the hash of the token the browser's cookie holds; single use.
CREATE TABLE passkey_ceremonies (
    id         BIGSERIAL PRIMARY KEY,
    token_hash TEXT   NOT NULL UNIQUE,
    purpose    TEXT   NOT NULL,
    account_id BIGINT REFERENCES accounts(id),
    session_id BIGINT,
    name       TEXT,
    state      TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies(expires_at);
