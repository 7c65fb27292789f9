-- The terms of use each person accepted (issue #31): when their account was made, and again for
-- each new version the platform publishes. From which address and browser, like a signature.
CREATE TABLE terms_acceptances (
    account_id  BIGINT NOT NULL REFERENCES accounts(id),
    version     BIGINT NOT NULL,
    accepted_at BIGINT NOT NULL,
    ip          TEXT   NOT NULL DEFAULT '',
    user_agent  TEXT   NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, version)
);
