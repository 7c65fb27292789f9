-- An organisation's logo (issue #31): PNG or JPEG, told from its content, shown to the
-- organisation's own people beside its name. Apart from `organisations` so that reading an
-- organisation never reads its image.
CREATE TABLE organisation_logos (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations(id),
    media_type      TEXT    NOT NULL,
    content         BYTEA   NOT NULL,
    updated_at      BIGINT  NOT NULL
);
