-- Infoklass schema, version 2: the requirement catalogue, self-assessments, the action plan
-- and procurement lists.

CREATE TABLE catalogs (
    id           TEXT NOT NULL,
    version      TEXT NOT NULL,
    definition   TEXT NOT NULL,            -- the whole catalogue as JSON, exactly as imported
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    seq          INTEGER NOT NULL UNIQUE,  -- the newest import is the active catalogue
    PRIMARY KEY (id, version)
);

-- The catalogue version an approved classification's requirements were derived from.
ALTER TABLE classifications ADD COLUMN catalog_id TEXT;
ALTER TABLE classifications ADD COLUMN catalog_version TEXT;

DROP TRIGGER classifications_frozen;
CREATE TRIGGER classifications_frozen
BEFORE UPDATE ON classifications
WHEN OLD.snapshot IS NOT NULL AND (
    NEW.snapshot IS NOT OLD.snapshot OR NEW.uplifts IS NOT OLD.uplifts OR NEW.lagrum IS NOT OLD.lagrum
    OR NEW.levels IS NOT OLD.levels OR NEW.approved_by IS NOT OLD.approved_by
    OR NEW.approved_at IS NOT OLD.approved_at OR NEW.version IS NOT OLD.version
    OR NEW.catalog_id IS NOT OLD.catalog_id OR NEW.catalog_version IS NOT OLD.catalog_version)
BEGIN
    SELECT RAISE(ABORT, 'FROZEN: an approved classification cannot be changed');
END;

-- The organisation's own "how we do it" text per requirement, kept across catalogue versions.
CREATE TABLE requirement_local (
    catalog_id  TEXT NOT NULL,
    key         TEXT NOT NULL,
    how         TEXT NOT NULL,
    PRIMARY KEY (catalog_id, key)
);

-- Self-assessment per object and requirement key (so answers carry over to re-classifications).
CREATE TABLE assessments (
    object_id   TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    answer      TEXT NOT NULL CHECK (answer IN ('uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_tillampligt', 'vet_ej')),
    comment     TEXT NOT NULL DEFAULT '',
    evidence    TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (object_id, key)
);

CREATE TABLE actions (
    id               TEXT PRIMARY KEY,
    object_id        TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    requirement_key  TEXT,                 -- null for an action added by hand
    measure          TEXT NOT NULL,
    responsible      TEXT NOT NULL DEFAULT '',
    due              TEXT,
    priority         TEXT NOT NULL CHECK (priority IN ('hog', 'medel', 'lag')),
    status           TEXT NOT NULL CHECK (status IN ('ej_paborjad', 'pagar', 'forsenad', 'klar')),
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX actions_object ON actions (object_id);
CREATE UNIQUE INDEX actions_requirement ON actions (object_id, requirement_key) WHERE requirement_key IS NOT NULL;

CREATE TABLE procurements (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    object_ids  TEXT NOT NULL,             -- JSON list of object ids
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- The procurement officer's decisions per requirement (absent = the catalogue's defaults).
CREATE TABLE procurement_items (
    procurement_id  TEXT NOT NULL REFERENCES procurements (id) ON DELETE CASCADE,
    key             TEXT NOT NULL,
    relevant        INTEGER NOT NULL CHECK (relevant IN (0, 1)),
    obligation      TEXT NOT NULL CHECK (obligation IN ('ska', 'bor')),
    text            TEXT NOT NULL,
    PRIMARY KEY (procurement_id, key)
);
