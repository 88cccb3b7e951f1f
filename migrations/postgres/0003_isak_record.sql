-- Mirrors SQLite's isak_record migration: what an old ISAK workbook recorded, kept with its
-- import as JSON. (The SQLite migration also fills it for earlier imports; an organisation
-- database has none from before.)
ALTER TABLE imports ADD COLUMN isak_record TEXT;
