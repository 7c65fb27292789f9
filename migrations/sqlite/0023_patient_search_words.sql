-- Staff find a patient by the start of any word of their names or email, accents and capitals
-- aside ("cote" finds Côté), and the search stays as fast at a million patients as at a thousand:
-- each word is a row here, read by range within the organisation, so a search reads what it finds
-- (counted up to a ceiling) instead of every patient. `patients.search_text` holds the same words
-- (" lea tremblay lea example org") for the list read in its own order. Both are written by the
-- application (domain::patient::search), which also fills them at start for earlier patients.
ALTER TABLE patients ADD COLUMN search_text TEXT;
CREATE TABLE patient_search_words (
    organisation_id BIGINT NOT NULL,
    word TEXT NOT NULL,
    patient_id BIGINT NOT NULL REFERENCES patients(id),
    -- The patient's names, as the list orders them: a search for one word (a family name typed
    -- in full) reads its patients in the list's order and stops at the page's end.
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    PRIMARY KEY (organisation_id, word, patient_id)
) WITHOUT ROWID;
CREATE INDEX patient_search_words_in_order ON patient_search_words(organisation_id, word, family_name, given_name, patient_id);
CREATE INDEX patient_search_words_of ON patient_search_words(patient_id);
DROP INDEX patients_search;
CREATE INDEX patients_search ON patients(organisation_id, family_name, given_name, id, search_text, birth_date);
CREATE INDEX patients_by_birth_date ON patients(organisation_id, birth_date, family_name, given_name, id);
-- Patients still without their words (written before this migration, or loaded in bulk): found at
-- start without reading the others.
CREATE INDEX patients_without_search_words ON patients(id) WHERE search_text IS NULL;
