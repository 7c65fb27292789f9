-- What the Contact page says about an organisation's support desk: its phone number and the
-- hours it answers, per weekday (1 = Monday … 7 = Sunday, local time; a day without a row is
-- closed). An organisation with neither publishes nothing.
ALTER TABLE organisations ADD COLUMN support_phone TEXT NOT NULL DEFAULT '';

CREATE TABLE support_hours (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    weekday         BIGINT NOT NULL,
    opens           TEXT   NOT NULL,   -- HH:MM
    closes          TEXT   NOT NULL,   -- HH:MM, after opens
    PRIMARY KEY (organisation_id, weekday)
);
