-- Secure messaging: care teams, the patients on each team's list, conversations between one
-- patient and one team, their messages, and each reader's own unread marker.
CREATE TABLE care_teams (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id    BIGINT  NOT NULL REFERENCES organisations(id),
    name               TEXT    NOT NULL,
    phone              TEXT    NOT NULL DEFAULT '',   -- how patients reach the team when replies are off
    patients_may_start BIGINT  NOT NULL DEFAULT 0,
    replies_by_default BIGINT  NOT NULL DEFAULT 1,
    created_at         BIGINT  NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE care_team_members (
    team_id    BIGINT NOT NULL REFERENCES care_teams(id),
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, account_id)
);
CREATE INDEX care_team_members_account ON care_team_members(account_id);

CREATE TABLE patient_teams (
    patient_id BIGINT NOT NULL REFERENCES patients(id),
    team_id    BIGINT NOT NULL REFERENCES care_teams(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (patient_id, team_id)
);
CREATE INDEX patient_teams_team ON patient_teams(team_id);

-- status: open | closed. replies_allowed: what the team's latest message said.
CREATE TABLE conversations (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id        BIGINT  NOT NULL REFERENCES organisations(id),
    team_id                BIGINT  NOT NULL REFERENCES care_teams(id),
    patient_id             BIGINT  NOT NULL REFERENCES patients(id),
    subject                TEXT    NOT NULL,
    status                 TEXT    NOT NULL DEFAULT 'open',
    replies_allowed        BIGINT  NOT NULL DEFAULT 1,
    hidden_from_caregivers BIGINT  NOT NULL DEFAULT 0,
    assigned_to            BIGINT  REFERENCES accounts(id),
    started_by             BIGINT  REFERENCES accounts(id),
    created_at             BIGINT  NOT NULL,
    last_message_id        BIGINT  NOT NULL DEFAULT 0,
    last_message_at        BIGINT  NOT NULL
);
CREATE INDEX conversations_team ON conversations(team_id, last_message_at);
CREATE INDEX conversations_patient ON conversations(patient_id, last_message_at);

-- author_role: staff | patient | caregiver. acting_for: the patient's account when a caregiver writes.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id BIGINT  NOT NULL REFERENCES conversations(id),
    author_id       BIGINT  NOT NULL REFERENCES accounts(id),
    author_role     TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    replies_allowed BIGINT,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);

-- Each reader's own marker, shown to nobody else: the last message they have seen.
CREATE TABLE conversation_reads (
    conversation_id BIGINT NOT NULL REFERENCES conversations(id),
    account_id      BIGINT NOT NULL REFERENCES accounts(id),
    last_read_id    BIGINT NOT NULL,
    first_read_at   BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, account_id)
);
CREATE INDEX conversation_reads_account ON conversation_reads(account_id);

-- At most one email per conversation per hour per recipient: when the last one was queued.
CREATE TABLE message_mails (
    conversation_id BIGINT NOT NULL REFERENCES conversations(id),
    account_id      BIGINT NOT NULL REFERENCES accounts(id),
    sent_at         BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, account_id)
);

ALTER TABLE accounts ADD COLUMN message_emails BIGINT NOT NULL DEFAULT 1;
