-- The team's review list (submitted, not yet reviewed, flagged first, oldest first) read in the
-- index's order, stopping at its page instead of sorting every waiting submission of the
-- organisation (bench/README.md, "Questionnaires at scale").
CREATE INDEX questionnaire_requests_waiting
    ON questionnaire_requests(organisation_id, flagged DESC, submitted_at, id)
    WHERE submitted_at IS NOT NULL AND reviewed_at IS NULL;
