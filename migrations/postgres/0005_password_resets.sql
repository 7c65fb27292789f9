-- "Forgot password" links: 128-bit token stored hashed, valid 30 minutes, single use.
CREATE TABLE password_resets (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT  NOT NULL REFERENCES accounts(id),
    token_hash  TEXT    NOT NULL UNIQUE,
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    created_at  BIGINT  NOT NULL
);
