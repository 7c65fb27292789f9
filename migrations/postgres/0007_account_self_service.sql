-- Account self-service: profile details, re-authentication, recovery codes, email changes.
ALTER TABLE accounts ADD COLUMN preferred_name TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN mobile_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN home_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN street TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN province TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN interface_language TEXT NOT NULL DEFAULT 'fr';

-- When the person last proved again who they are (password + code) in this session.
ALTER TABLE sessions ADD COLUMN reauthenticated_at BIGINT;
-- A challenge that re-authenticates an open session instead of starting a new one (0 = sign-in).
ALTER TABLE sign_in_challenges ADD COLUMN reauth_session_id BIGINT NOT NULL DEFAULT 0;

-- One-time codes for a lost phone; only their hashes are kept.
CREATE TABLE recovery_codes (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT  NOT NULL REFERENCES accounts(id),
    code_hash   TEXT    NOT NULL,
    used_at     BIGINT,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX recovery_codes_account ON recovery_codes(account_id);

-- A new email address waiting for its owner to confirm it from that mailbox.
CREATE TABLE email_changes (
    id            BIGSERIAL PRIMARY KEY,
    account_id    BIGINT  NOT NULL REFERENCES accounts(id),
    new_email     TEXT    NOT NULL,
    confirm_hash  TEXT    NOT NULL UNIQUE,
    report_hash   TEXT    NOT NULL UNIQUE,
    expires_at    BIGINT  NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'pending',   -- pending | confirmed | cancelled | reported
    created_at    BIGINT  NOT NULL
);
CREATE INDEX email_changes_account ON email_changes(account_id);
CREATE INDEX audit_events_target ON audit_events(target);
CREATE INDEX audit_events_actor ON audit_events(actor_id);
UPDATE accounts SET interface_language = language;
