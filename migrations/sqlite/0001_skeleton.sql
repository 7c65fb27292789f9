-- Times are UTC seconds since the Unix epoch (BIGINT), so one query text serves SQLite and PostgreSQL.
CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    timezone    TEXT    NOT NULL DEFAULT 'America/Montreal',
    created_at  BIGINT  NOT NULL
);

CREATE TABLE accounts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT    NOT NULL,
    email_key       TEXT    NOT NULL UNIQUE,   -- lower-cased email: one account per address
    given_name      TEXT    NOT NULL,
    family_name     TEXT    NOT NULL,
    language        TEXT    NOT NULL DEFAULT 'fr',
    password_hash   TEXT,
    totp_secret     TEXT,
    totp_last_step  BIGINT,
    status          TEXT    NOT NULL DEFAULT 'pending',
    failed_sign_ins BIGINT  NOT NULL DEFAULT 0,
    created_at      BIGINT  NOT NULL
);

CREATE TABLE memberships (
    account_id      BIGINT  NOT NULL REFERENCES accounts(id),
    organisation_id BIGINT  NOT NULL REFERENCES organisations(id),
    role            TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    PRIMARY KEY (account_id, organisation_id, role)
);

CREATE TABLE setup_links (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  BIGINT  NOT NULL REFERENCES accounts(id),
    token_hash  TEXT    NOT NULL UNIQUE,
    totp_secret TEXT    NOT NULL,
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash    TEXT    NOT NULL UNIQUE,
    account_id    BIGINT  NOT NULL REFERENCES accounts(id),
    created_at    BIGINT  NOT NULL,
    last_seen_at  BIGINT  NOT NULL,
    ended_at      BIGINT,
    ip            TEXT    NOT NULL DEFAULT '',
    user_agent    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sessions_account ON sessions(account_id);

CREATE TABLE audit_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              BIGINT  NOT NULL,
    actor_id        BIGINT,
    acting_for_id   BIGINT,
    organisation_id BIGINT,
    action          TEXT    NOT NULL,
    target          TEXT    NOT NULL DEFAULT '',
    ip              TEXT    NOT NULL DEFAULT '',
    user_agent      TEXT    NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    claimed_until   BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
