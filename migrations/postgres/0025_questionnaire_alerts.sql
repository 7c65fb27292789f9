-- The staff members who want an email when a questionnaire filled by a patient their care teams
-- follow raises an alert (PHQ-9 item 9 above 0): chosen in each organisation they work in.
CREATE TABLE questionnaire_alert_choices (
    account_id      BIGINT NOT NULL REFERENCES accounts(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    chosen_at       BIGINT NOT NULL,
    PRIMARY KEY (account_id, organisation_id)
);

-- Whether the team chose, when sending, to show the patient's side the score and its band once
-- submitted (never the alerts).
ALTER TABLE questionnaire_requests ADD COLUMN score_shown BIGINT NOT NULL DEFAULT 0;
