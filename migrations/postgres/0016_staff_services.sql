-- The online services each staff member may use in an organisation (invitations, caregivers,
-- messaging, questionnaires, administration, support_desk). Every staff server function checks
-- one of them. People already on the staff keep what their role gave them.
CREATE TABLE staff_services (
    account_id      BIGINT NOT NULL REFERENCES accounts(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    service         TEXT   NOT NULL,
    granted_at      BIGINT NOT NULL,
    PRIMARY KEY (account_id, organisation_id, service)
);

CREATE INDEX staff_services_holders ON staff_services (organisation_id, service, account_id);

INSERT INTO staff_services (account_id, organisation_id, service, granted_at)
SELECT m.account_id, m.organisation_id, b.service, MIN(m.created_at)
FROM memberships m
JOIN (SELECT 'admin' AS role, 'invitations' AS service
      UNION ALL SELECT 'admin', 'caregivers'
      UNION ALL SELECT 'admin', 'messaging'
      UNION ALL SELECT 'admin', 'questionnaires'
      UNION ALL SELECT 'admin', 'administration'
      UNION ALL SELECT 'admin', 'support_desk'
      UNION ALL SELECT 'professional', 'invitations'
      UNION ALL SELECT 'professional', 'caregivers'
      UNION ALL SELECT 'professional', 'messaging'
      UNION ALL SELECT 'professional', 'questionnaires'
      UNION ALL SELECT 'support', 'support_desk') b ON b.role = m.role
GROUP BY m.account_id, m.organisation_id, b.service;
