-- The platform's operators (issue #31): they decide on organisations' requests to join and never
-- see patients' or staff's clinical data. An operator's account is theirs alone (no membership,
-- no patient record), activated through a setup link with an authenticator app like staff.
CREATE TABLE operators (
    account_id BIGINT NOT NULL PRIMARY KEY REFERENCES accounts(id),
    added_by   BIGINT REFERENCES accounts(id),
    created_at BIGINT NOT NULL
);

-- What the operator and the requester said about a request, in order: a question asked (the
-- requester answers through the link mailed with it), the answer, the reason of a refusal.
-- author: operator | requester; kind: question | answer | refusal
CREATE TABLE organisation_request_notes (
    id         BIGSERIAL PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES organisation_requests(id) ON DELETE CASCADE,
    kind       TEXT   NOT NULL,
    author_id  BIGINT REFERENCES accounts(id),
    body       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX organisation_request_notes_request ON organisation_request_notes(request_id, id);

-- The requester's link to answer the operator's latest question (only its hash), and who decided.
ALTER TABLE organisation_requests ADD COLUMN answer_token_hash TEXT;
ALTER TABLE organisation_requests ADD COLUMN decided_by BIGINT REFERENCES accounts(id);
CREATE UNIQUE INDEX organisation_requests_answer_token ON organisation_requests(answer_token_hash);
