-- Files sent with a message (PDF, JPEG, PNG; up to 10 MB, 5 per message), kept in the database
-- so that they share its transactions, backups and access rules.
CREATE TABLE attachments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      BIGINT  NOT NULL REFERENCES messages(id),
    name            TEXT    NOT NULL,
    media_type      TEXT    NOT NULL,
    size            BIGINT  NOT NULL,
    content         BLOB    NOT NULL,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX attachments_message ON attachments(message_id);

-- How a person hears of new messages (0 never, 1 an email per message — at most hourly per
-- conversation —, 2 a daily summary), and when their last summary went.
ALTER TABLE accounts ADD COLUMN digest_sent_at BIGINT NOT NULL DEFAULT 0;
