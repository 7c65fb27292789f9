-- An organisation the platform suspended (issue #31): its staff cannot work in it, its patients see
-- a notice and keep their own information. NULL while active; the reason is mailed to its
-- administrators.
ALTER TABLE organisations ADD COLUMN suspended_at BIGINT;
ALTER TABLE organisations ADD COLUMN suspension_reason TEXT NOT NULL DEFAULT '';
