-- The limits that protect accounts, shared by every instance serving one PostgreSQL database
-- (domain/identity/throttle.rs): one token bucket per limit and key, the key hashed (an email or
-- an address is not kept in clear for this). A bucket unused for a day is full again: erased.
CREATE TABLE throttle_buckets (
    limit_code TEXT   NOT NULL,
    key_hash   TEXT   NOT NULL,
    tokens     BIGINT NOT NULL,
    at         BIGINT NOT NULL,
    PRIMARY KEY (limit_code, key_hash)
);
CREATE INDEX throttle_buckets_at ON throttle_buckets (at);
