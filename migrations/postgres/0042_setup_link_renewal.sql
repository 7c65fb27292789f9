-- A setup link either activates a new staff account or renews one whose owner lost their way in
-- (an administrator's "reset sign-in methods", domain::organisation::staff_admin): the page behind
-- it says which. 0 or 1.
ALTER TABLE setup_links ADD COLUMN renewal BIGINT NOT NULL DEFAULT 0;
