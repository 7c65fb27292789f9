-- Whom people ask about their information in an organisation (the privacy policy names them to
-- the organisation's patients, caregivers and staff). Empty until an administrator sets them.
ALTER TABLE organisations ADD COLUMN privacy_officer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN privacy_officer_email TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN privacy_officer_phone TEXT NOT NULL DEFAULT '';
