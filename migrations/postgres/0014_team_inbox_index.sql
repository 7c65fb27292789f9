-- The team inbox's page and count come from this index alone (newest first within a team, with
-- what its filters read), so their cost follows the page size rather than the team's size.
DROP INDEX conversations_team;
CREATE INDEX conversations_inbox ON conversations(team_id, last_message_at, id, organisation_id, last_message_id, assigned_to);
