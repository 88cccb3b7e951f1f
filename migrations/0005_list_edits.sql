-- The organisation edits its threat catalogue and its information types. An entry is never
-- deleted once risks or information sets may name it: it is retired (no longer offered for new
-- ones) and can be brought back.
ALTER TABLE threats ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
ALTER TABLE info_types ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
