-- Which message a mail is (the locale key of its text, e.g. "mail-code"), so that support, the
-- worker's logs and tests can find a mail by what it is rather than by its translated subject.
ALTER TABLE outbox ADD COLUMN template TEXT NOT NULL DEFAULT '';
