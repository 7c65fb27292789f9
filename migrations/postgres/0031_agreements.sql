-- The platform's documents an organisation accepts (issue #31): the participation agreement and
-- the terms of use, versioned, bilingual Markdown. kind: agreement | terms
CREATE TABLE platform_documents (
    id           BIGSERIAL PRIMARY KEY,
    kind         TEXT   NOT NULL,
    version      BIGINT NOT NULL,
    body_fr      TEXT   NOT NULL,
    body_en      TEXT   NOT NULL,
    published_at BIGINT NOT NULL,
    published_by BIGINT REFERENCES accounts(id),
    UNIQUE (kind, version)
);

-- The agreement the legally responsible person signed for their organisation: the versions read,
-- the name typed as signature, when, from which address and browser.
CREATE TABLE agreement_signatures (
    id              BIGSERIAL PRIMARY KEY,
    request_id      BIGINT NOT NULL UNIQUE REFERENCES organisation_requests(id),
    organisation_id BIGINT NOT NULL UNIQUE REFERENCES organisations(id),
    agreement_id    BIGINT NOT NULL REFERENCES platform_documents(id),
    terms_id        BIGINT NOT NULL REFERENCES platform_documents(id),
    language        TEXT   NOT NULL,
    signed_name     TEXT   NOT NULL,
    signed_at       BIGINT NOT NULL,
    ip              TEXT   NOT NULL,
    user_agent      TEXT   NOT NULL
);

-- The link mailed to the LRP at approval (only its hash), and the organisation it became.
ALTER TABLE organisation_requests ADD COLUMN agreement_token_hash TEXT;
ALTER TABLE organisation_requests ADD COLUMN organisation_id BIGINT REFERENCES organisations(id);
CREATE UNIQUE INDEX organisation_requests_agreement_token ON organisation_requests(agreement_token_hash);

-- What the request said of the organisation, now its own details.
ALTER TABLE organisations ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN phone TEXT NOT NULL DEFAULT '';
