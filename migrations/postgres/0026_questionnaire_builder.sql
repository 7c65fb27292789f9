-- The questionnaire builder: one draft per questionnaire being written or edited in an
-- organisation (publishing it adds the next version to the library and removes the draft).
-- definition: JSON, see app/src/domain/questionnaire/definition.rs; revision: each change
-- checks it, so two tabs editing the same draft never overwrite each other unseen.
CREATE TABLE questionnaire_drafts (
    id              BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    instrument      TEXT   NOT NULL,
    based_on        BIGINT REFERENCES questionnaires(id),   -- the version edited; NULL: new
    definition      TEXT   NOT NULL,
    revision        BIGINT NOT NULL DEFAULT 0,
    updated_by      BIGINT NOT NULL REFERENCES accounts(id),
    updated_at      BIGINT NOT NULL,
    UNIQUE (organisation_id, instrument)
);

-- Whether professionals holding the Questionnaires service may build questionnaires too (by
-- default only administrators do).
ALTER TABLE organisations ADD COLUMN professionals_build_questionnaires BIGINT NOT NULL DEFAULT 0;
