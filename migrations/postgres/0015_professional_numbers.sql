-- A staff member's professional number (physician 1-XXXXX, resident 5-XXXXX, specialised nurse
-- practitioner 8-1XXXX), stored as typed into d-ddddd; unique within an organisation.
CREATE TABLE professional_numbers (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    account_id      BIGINT NOT NULL REFERENCES accounts(id),
    number          TEXT   NOT NULL,
    PRIMARY KEY (organisation_id, account_id),
    UNIQUE (organisation_id, number)
);
