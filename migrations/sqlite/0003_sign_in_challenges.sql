-- Second step of every sign-in: a code sent by email (patients) or read from an authenticator app.
ALTER TABLE accounts ADD COLUMN locked_until BIGINT;

CREATE TABLE sign_in_challenges (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id   BIGINT  NOT NULL REFERENCES accounts(id),
    token_hash   TEXT    NOT NULL UNIQUE,   -- the challenge cookie, hashed
    method       TEXT    NOT NULL,          -- email | totp
    code_hash    TEXT,                      -- email codes only, bound to the token
    attempts     BIGINT  NOT NULL DEFAULT 0,
    expires_at   BIGINT  NOT NULL,
    last_sent_at BIGINT  NOT NULL,
    used_at      BIGINT,
    created_at   BIGINT  NOT NULL
);
