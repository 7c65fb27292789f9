-- How many of an organisation's patients have each searchable word, kept beside the words
-- (domain::patient::search): a family name typed in full is counted from one row, not from the
-- thousand rows of its patients, so the staff search at a million patients costs what it costs at
-- a thousand. Written with the words, in the same transaction.
CREATE TABLE patient_search_word_counts (
    organisation_id BIGINT NOT NULL,
    word TEXT COLLATE "C" NOT NULL,
    patients BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, word)
);
INSERT INTO patient_search_word_counts (organisation_id, word, patients)
SELECT organisation_id, word, COUNT(*) FROM patient_search_words GROUP BY organisation_id, word;
