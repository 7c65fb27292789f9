-- Caregivers: a person with their own account who may act for a patient within a scope.
ALTER TABLE organisations ADD COLUMN age_of_consent BIGINT NOT NULL DEFAULT 14;

CREATE TABLE caregiver_grants (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id       BIGINT  NOT NULL REFERENCES organisations(id),
    patient_id            BIGINT  NOT NULL REFERENCES patients(id),
    caregiver_account_id  BIGINT  REFERENCES accounts(id),   -- set when the invitation is redeemed
    given_name            TEXT    NOT NULL,
    family_name           TEXT    NOT NULL,
    email                 TEXT    NOT NULL,
    email_key             TEXT    NOT NULL,
    language              TEXT    NOT NULL DEFAULT 'fr',
    relationship          TEXT    NOT NULL,                  -- parent | representative | helper
    scope_messages        BIGINT  NOT NULL DEFAULT 0,
    scope_questionnaires  BIGINT  NOT NULL DEFAULT 0,
    scope_profile         BIGINT  NOT NULL DEFAULT 0,
    ends_on               TEXT,                              -- last day of access, YYYY-MM-DD
    note                  TEXT    NOT NULL DEFAULT '',
    status                TEXT    NOT NULL DEFAULT 'invited', -- invited | active | ended
    ended_at              BIGINT,
    end_reason            TEXT,                              -- patient | staff | age
    created_by            BIGINT  REFERENCES accounts(id),
    created_at            BIGINT  NOT NULL
);
CREATE INDEX caregiver_grants_patient ON caregiver_grants(patient_id);
CREATE INDEX caregiver_grants_caregiver ON caregiver_grants(caregiver_account_id);

-- A caregiver's invitation is an ordinary invitation (link + code) that names its grant.
ALTER TABLE invitations ADD COLUMN grant_id BIGINT;
