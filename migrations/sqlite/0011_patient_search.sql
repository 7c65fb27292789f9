-- The staff search reads names, email and date of birth from the index alone (no table row per
-- patient looked at), in the list's order, and stops at the page's end; it replaces the
-- name-only index.
DROP INDEX patients_by_name;
CREATE INDEX patients_search ON patients(organisation_id, family_name, given_name, id, email, birth_date);
-- "Already viewed this minute?" looks for one actor's entries about one target: with the target
-- alone, PostgreSQL preferred the actor's index, which grows with everything a professional does.
DROP INDEX audit_events_target;
CREATE INDEX audit_events_target ON audit_events(target, actor_id);
