-- Tenancy: the organisation is a wall. A session works in one organisation at a time (chosen by
-- its owner); an administrator suspends a person's membership in their own organisation only; an
-- existing account joins a staff only when its owner accepts; a care team follows, and a
-- conversation joins, only patients of its own organisation (the database refuses anything else).
ALTER TABLE sessions ADD COLUMN organisation_id BIGINT REFERENCES organisations(id);
-- The organisation a mail is sent for (none for mail about one's own account: codes, resets), so
-- that its overview counts its own mail queue only.
ALTER TABLE outbox ADD COLUMN organisation_id BIGINT REFERENCES organisations(id);

CREATE TABLE staff_suspensions (
    account_id      BIGINT NOT NULL REFERENCES accounts(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    suspended_at    BIGINT NOT NULL,
    PRIMARY KEY (account_id, organisation_id)
);

-- answer: accepted | declined | withdrawn; none while it waits. Found by the email's key, so the
-- administrator's answer never tells whether an account exists for it.
CREATE TABLE staff_invitations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT  NOT NULL REFERENCES organisations(id),
    email           TEXT    NOT NULL,
    email_key       TEXT    NOT NULL,
    services        TEXT    NOT NULL,
    invited_by      BIGINT  REFERENCES accounts(id),
    created_at      BIGINT  NOT NULL,
    expires_at      BIGINT  NOT NULL,
    answered_at     BIGINT,
    answer          TEXT
);
CREATE INDEX staff_invitations_email ON staff_invitations (email_key, expires_at);
CREATE INDEX staff_invitations_organisation ON staff_invitations (organisation_id, created_at);

-- A team that follows another organisation's patient (possible before this migration) stops.
DELETE FROM patient_teams
WHERE (SELECT organisation_id FROM care_teams WHERE id = patient_teams.team_id)
   <> (SELECT organisation_id FROM patients WHERE id = patient_teams.patient_id);

CREATE TRIGGER patient_teams_one_organisation BEFORE INSERT ON patient_teams
WHEN (SELECT organisation_id FROM care_teams WHERE id = NEW.team_id)
     IS NOT (SELECT organisation_id FROM patients WHERE id = NEW.patient_id)
BEGIN SELECT RAISE(ABORT, 'a care team follows only patients of its own organisation'); END;
CREATE TRIGGER patient_teams_one_organisation_update BEFORE UPDATE OF patient_id, team_id ON patient_teams
WHEN (SELECT organisation_id FROM care_teams WHERE id = NEW.team_id)
     IS NOT (SELECT organisation_id FROM patients WHERE id = NEW.patient_id)
BEGIN SELECT RAISE(ABORT, 'a care team follows only patients of its own organisation'); END;
CREATE TRIGGER conversations_one_organisation BEFORE INSERT ON conversations
WHEN (SELECT organisation_id FROM care_teams WHERE id = NEW.team_id) IS NOT NEW.organisation_id
  OR (SELECT organisation_id FROM patients WHERE id = NEW.patient_id) IS NOT NEW.organisation_id
BEGIN SELECT RAISE(ABORT, 'a conversation stays in its organisation'); END;
CREATE TRIGGER conversations_one_organisation_update BEFORE UPDATE OF organisation_id, team_id, patient_id ON conversations
WHEN (SELECT organisation_id FROM care_teams WHERE id = NEW.team_id) IS NOT NEW.organisation_id
  OR (SELECT organisation_id FROM patients WHERE id = NEW.patient_id) IS NOT NEW.organisation_id
BEGIN SELECT RAISE(ABORT, 'a conversation stays in its organisation'); END;
