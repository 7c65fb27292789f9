-- A professional's title (Dr, inf., T.S.…), shown with their name.
ALTER TABLE accounts ADD COLUMN title TEXT NOT NULL DEFAULT '';
