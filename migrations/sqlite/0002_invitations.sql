-- Patients of an organisation (identity as in the clinical record) and their invitations.
CREATE TABLE patients (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT  NOT NULL REFERENCES organisations(id),
    account_id      BIGINT  REFERENCES accounts(id),
    given_name      TEXT    NOT NULL,
    family_name     TEXT    NOT NULL,
    birth_date      TEXT    NOT NULL,   -- YYYY-MM-DD
    email           TEXT    NOT NULL,
    email_key       TEXT    NOT NULL,
    language        TEXT    NOT NULL DEFAULT 'fr',
    mobile          TEXT    NOT NULL DEFAULT '',
    created_by      BIGINT  REFERENCES accounts(id),
    created_at      BIGINT  NOT NULL,
    UNIQUE (organisation_id, email_key)
);

-- A link (token) and a code handed over separately; both stored only as hashes, the code's hash
-- bound to the token. status: pending | redeemed | replaced; void = failed_attempts >= 5.
CREATE TABLE invitations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id      BIGINT  NOT NULL REFERENCES patients(id),
    organisation_id BIGINT  NOT NULL REFERENCES organisations(id),
    invited_by      BIGINT  REFERENCES accounts(id),
    token_hash      TEXT    NOT NULL UNIQUE,
    code_hash       TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',
    failed_attempts BIGINT  NOT NULL DEFAULT 0,
    verified_hash   TEXT,
    verified_until  BIGINT,
    expires_at      BIGINT  NOT NULL,
    redeemed_at     BIGINT,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX invitations_patient ON invitations(patient_id);
