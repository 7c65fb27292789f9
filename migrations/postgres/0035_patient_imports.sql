-- A list of patients invited at once from a file (issue #31): the file's rows as read, each with
-- what the preview said of it, then what inviting did. Only the person who sent the file sees it.
-- state: preview | confirmed | finished | discarded
CREATE TABLE patient_imports (
    id              BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    created_by      BIGINT NOT NULL REFERENCES accounts(id),
    file_name       TEXT   NOT NULL,
    format          TEXT   NOT NULL,
    state           TEXT   NOT NULL DEFAULT 'preview',
    created_at      BIGINT NOT NULL,
    confirmed_at    BIGINT,
    finished_at     BIGINT
);
CREATE INDEX patient_imports_waiting ON patient_imports(state, confirmed_at);
CREATE INDEX patient_imports_creator ON patient_imports(organisation_id, created_by, id);

-- verdict: invite | patient (already one of the organisation's) | error (error_key says why)
--          | invited. The code to hand over is kept sealed under the server's key while its
-- invitation may still be used, for the list to print.
CREATE TABLE patient_import_rows (
    import_id     BIGINT NOT NULL REFERENCES patient_imports(id),
    line          BIGINT NOT NULL,
    given_name    TEXT   NOT NULL,
    family_name   TEXT   NOT NULL,
    birth_date    TEXT   NOT NULL,
    email         TEXT   NOT NULL,
    mobile        TEXT   NOT NULL,
    language      TEXT   NOT NULL,
    verdict       TEXT   NOT NULL,
    error_key     TEXT,
    patient_id    BIGINT REFERENCES patients(id),
    invitation_id BIGINT REFERENCES invitations(id),
    sealed_code   TEXT,
    PRIMARY KEY (import_id, line)
);
CREATE INDEX patient_import_rows_verdict ON patient_import_rows(import_id, verdict, line);
