-- Issue #31: an administrator confirms the organisation's details (the first of its first steps;
-- NULL until then), and reads the organisation's audit trail newest first.
ALTER TABLE organisations ADD COLUMN details_confirmed_at BIGINT;
CREATE INDEX audit_events_organisation ON audit_events(organisation_id, id);
