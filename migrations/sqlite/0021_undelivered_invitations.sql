-- The invitation a mail carries, so that a mail the relay refuses for good (no such mailbox) shows
-- on the invitation where the professional waits for the patient: "the email could not be
-- delivered".
ALTER TABLE outbox ADD COLUMN invitation_id BIGINT REFERENCES invitations(id);
CREATE INDEX outbox_invitation ON outbox(invitation_id);
