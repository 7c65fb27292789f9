-- Times are UTC seconds since the Unix epoch (BIGINT), so one query text serves SQLite and PostgreSQL.
CREATE TABLE organisations (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT    NOT NULL,
    timezone    TEXT    NOT NULL DEFAULT 'America/Montreal',
    created_at  BIGINT  NOT NULL
);

CREATE TABLE accounts (
    id              BIGSERIAL PRIMARY KEY,
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
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT  NOT NULL REFERENCES accounts(id),
    token_hash  TEXT    NOT NULL UNIQUE,
    totp_secret TEXT    NOT NULL,
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE sessions (
    id            BIGSERIAL PRIMARY KEY,
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
    id              BIGSERIAL PRIMARY KEY,
    at              BIGINT  NOT NULL,
    actor_id        BIGINT,
    acting_for_id   BIGINT,
    organisation_id BIGINT,
    action          TEXT    NOT NULL,
    target          TEXT    NOT NULL DEFAULT '',
    ip              TEXT    NOT NULL DEFAULT '',
    user_agent      TEXT    NOT NULL DEFAULT ''
);
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'audit_events is append-only'; END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
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
