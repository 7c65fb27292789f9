-- Questionnaires: each organisation's library, one row per published version (editing makes a
-- new version; answers stay tied to the version answered); the questionnaires sent to patients;
-- their answers, saved as a draft section by section and read-only once submitted.
-- definition: JSON, see app/src/domain/questionnaire/definition.rs.
CREATE TABLE questionnaires (
    id              BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT  NOT NULL REFERENCES organisations(id),
    instrument      TEXT    NOT NULL,   -- the same questionnaire across versions (phq-9)
    version         BIGINT  NOT NULL,
    title_fr        TEXT    NOT NULL,
    title_en        TEXT    NOT NULL,
    definition      TEXT    NOT NULL,
    archived        BIGINT  NOT NULL DEFAULT 0,
    created_at      BIGINT  NOT NULL,
    UNIQUE (organisation_id, instrument, version)
);

-- submitted_as: patient | caregiver. score and flagged: computed from the answers at submission.
CREATE TABLE questionnaire_requests (
    id               BIGSERIAL PRIMARY KEY,
    organisation_id  BIGINT  NOT NULL REFERENCES organisations(id),
    questionnaire_id BIGINT  NOT NULL REFERENCES questionnaires(id),
    patient_id       BIGINT  NOT NULL REFERENCES patients(id),
    sent_by          BIGINT  NOT NULL REFERENCES accounts(id),
    sent_at          BIGINT  NOT NULL,
    due_on           TEXT,              -- YYYY-MM-DD, the organisation's calendar
    note             TEXT    NOT NULL DEFAULT '',
    submitted_at     BIGINT,
    submitted_by     BIGINT  REFERENCES accounts(id),
    submitted_as     TEXT,
    score            BIGINT,
    flagged          BIGINT  NOT NULL DEFAULT 0,
    reviewed_at      BIGINT,
    reviewed_by      BIGINT  REFERENCES accounts(id),
    review_comment   TEXT    NOT NULL DEFAULT '',
    reminded_before  BIGINT  NOT NULL DEFAULT 0,  -- when the reminder 2 days before the due date went
    reminded_due     BIGINT  NOT NULL DEFAULT 0   -- when the one on the due date went
);
CREATE INDEX questionnaire_requests_patient ON questionnaire_requests(patient_id, sent_at);
CREATE INDEX questionnaire_requests_organisation ON questionnaire_requests(organisation_id, submitted_at);
CREATE INDEX questionnaire_requests_due ON questionnaire_requests(due_on) WHERE submitted_at IS NULL;

CREATE TABLE questionnaire_answers (
    request_id  BIGINT NOT NULL REFERENCES questionnaire_requests(id),
    link_id     TEXT   NOT NULL,
    answer      TEXT   NOT NULL,   -- JSON, see app/src/domain/questionnaire/answer.rs
    answered_by BIGINT NOT NULL REFERENCES accounts(id),
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (request_id, link_id)
);
