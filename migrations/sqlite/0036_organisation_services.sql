-- The online services an organisation offers its people (issue #31): those its legally
-- responsible person asked for when it joined, and administration always. A staff member can only
-- be given a service their organisation offers; an operator changes the offering from the console.
CREATE TABLE organisation_services (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    service         TEXT   NOT NULL,
    since           BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, service)
);

-- The organisations that exist already were made with every service.
INSERT INTO organisation_services (organisation_id, service, since)
SELECT o.id, s.service, o.created_at
FROM organisations o
CROSS JOIN (SELECT 'invitations' AS service UNION ALL SELECT 'caregivers' UNION ALL SELECT 'messaging'
            UNION ALL SELECT 'questionnaires' UNION ALL SELECT 'administration' UNION ALL SELECT 'support_desk') s;
