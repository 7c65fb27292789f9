-- "It was not me" keeps working after a change is confirmed (issue #11): the address to restore,
-- and until when the report link works.
ALTER TABLE email_changes ADD COLUMN old_email TEXT NOT NULL DEFAULT '';
ALTER TABLE email_changes ADD COLUMN report_until BIGINT NOT NULL DEFAULT 0;
-- A person's access log also selects what was done for them by a caregiver.
CREATE INDEX audit_events_acting_for ON audit_events(acting_for_id);
-- ... and the events about the patient records of an account.
CREATE INDEX patients_account ON patients(account_id);
-- The staff patient list, 50 at a time in name order, within one organisation.
CREATE INDEX patients_by_name ON patients(organisation_id, family_name, given_name);
