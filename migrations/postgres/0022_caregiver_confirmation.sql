-- A caregiver whose address belongs to staff of the same organisation waits (status 'awaiting')
-- until a second staff member confirms; the one who confirmed is kept. Without it, a colleague
-- could give a colleague the patient's messages with no one else knowing.
ALTER TABLE caregiver_grants ADD COLUMN confirmed_by BIGINT REFERENCES accounts(id);
