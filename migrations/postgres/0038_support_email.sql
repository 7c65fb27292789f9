-- Issue #31: an organisation's support desk may be written to as well as called.
ALTER TABLE organisations ADD COLUMN support_email TEXT NOT NULL DEFAULT '';
