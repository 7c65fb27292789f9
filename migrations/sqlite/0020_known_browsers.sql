-- Browsers that completed a sign-in for an account (OWASP "device cookies"): the cookie holds a
-- 128-bit token, only its hash is here. Failed sign-ins from a known browser count against that
-- browser alone, so a stranger who locks the account (for unknown browsers) does not lock out
-- its owner.
CREATE TABLE known_browsers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id      BIGINT  NOT NULL REFERENCES accounts(id),
    token_hash      TEXT    NOT NULL UNIQUE,
    created_at      BIGINT  NOT NULL,
    last_used_at    BIGINT  NOT NULL,
    failed_sign_ins BIGINT  NOT NULL DEFAULT 0,
    locked_until    BIGINT
);
CREATE INDEX known_browsers_account ON known_browsers(account_id, last_used_at);
-- The known browser a sign-in under way started from (none: an unknown one).
ALTER TABLE sign_in_challenges ADD COLUMN known_browser_id BIGINT REFERENCES known_browsers(id);
