-- Infoklass schema, version 1.
-- Objects, their classifications over time, the information sets of each classification,
-- organisation-wide information types, the scales in use and the audit log.

CREATE TABLE scales (
    id          TEXT NOT NULL,
    version     TEXT NOT NULL,
    definition  TEXT NOT NULL,              -- the scale as JSON, exactly as used
    PRIMARY KEY (id, version)
);

CREATE TABLE info_types (
    key             TEXT PRIMARY KEY,
    name_sv         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_sv  TEXT NOT NULL DEFAULT '',
    levels          TEXT NOT NULL,          -- {"K":n,"R":n,"T":n,"S":n}
    position        INTEGER NOT NULL
);

CREATE TABLE objects (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    name_key              TEXT NOT NULL UNIQUE,   -- trimmed, lower-case name: names are unique
    kind                  TEXT NOT NULL CHECK (kind IN ('system', 'process', 'tjanst', 'informationsmangd')),
    description           TEXT NOT NULL DEFAULT '',
    unit                  TEXT NOT NULL DEFAULT '',
    information_owner     TEXT NOT NULL DEFAULT '',
    system_owner          TEXT NOT NULL DEFAULT '',
    system_administrator  TEXT NOT NULL DEFAULT '',
    supplier              TEXT NOT NULL DEFAULT '',
    hosting               TEXT CHECK (hosting IN ('egen', 'moln', 'hybrid')),
    participants          TEXT NOT NULL DEFAULT '[]',
    tags                  TEXT NOT NULL DEFAULT '[]',
    classification_date   TEXT,
    next_review           TEXT,
    search_text           TEXT NOT NULL,          -- lower-case words the list search matches
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE INDEX objects_unit ON objects (unit);
CREATE INDEX objects_next_review ON objects (next_review);

CREATE TABLE classifications (
    id             TEXT PRIMARY KEY,
    object_id      TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    version        INTEGER NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('utkast', 'faststalld', 'ersatt')),
    scale_id       TEXT NOT NULL,
    scale_version  TEXT NOT NULL,
    uplifts        TEXT NOT NULL DEFAULT '{}',
    lagrum         TEXT NOT NULL DEFAULT '[]',
    levels         TEXT NOT NULL DEFAULT '{}',   -- derived profile levels, kept for fast lists
    profile        TEXT NOT NULL DEFAULT '',     -- derived profile text, e.g. K2 R3 T2 S2
    snapshot       TEXT,                         -- frozen content at approval
    approved_by    TEXT,
    approved_at    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    FOREIGN KEY (scale_id, scale_version) REFERENCES scales (id, version),
    UNIQUE (object_id, version)
);

-- An approved classification is frozen: only its status may move on (to 'ersatt').
CREATE TRIGGER classifications_frozen
BEFORE UPDATE ON classifications
WHEN OLD.snapshot IS NOT NULL AND (
    NEW.snapshot IS NOT OLD.snapshot OR NEW.uplifts IS NOT OLD.uplifts OR NEW.lagrum IS NOT OLD.lagrum
    OR NEW.levels IS NOT OLD.levels OR NEW.approved_by IS NOT OLD.approved_by
    OR NEW.approved_at IS NOT OLD.approved_at OR NEW.version IS NOT OLD.version)
BEGIN
    SELECT RAISE(ABORT, 'FROZEN: an approved classification cannot be changed');
END;

CREATE TABLE information_sets (
    id                 TEXT NOT NULL,
    classification_id  TEXT NOT NULL REFERENCES classifications (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    name               TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    info_type          TEXT,
    level_k            INTEGER CHECK (level_k BETWEEN 0 AND 9),
    level_r            INTEGER CHECK (level_r BETWEEN 0 AND 9),
    level_t            INTEGER CHECK (level_t BETWEEN 0 AND 9),
    level_s            INTEGER CHECK (level_s BETWEEN 0 AND 9),
    motivation_k       TEXT NOT NULL DEFAULT '',
    motivation_r       TEXT NOT NULL DEFAULT '',
    motivation_t       TEXT NOT NULL DEFAULT '',
    motivation_s       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (classification_id, id)
);

-- Sets of an approved classification cannot be added to or changed.
CREATE TRIGGER information_sets_frozen_insert
BEFORE INSERT ON information_sets
WHEN (SELECT status FROM classifications WHERE id = NEW.classification_id) <> 'utkast'
BEGIN
    SELECT RAISE(ABORT, 'FROZEN: an approved classification cannot be changed');
END;

CREATE TRIGGER information_sets_frozen_update
BEFORE UPDATE ON information_sets
WHEN (SELECT status FROM classifications WHERE id = OLD.classification_id) <> 'utkast'
BEGIN
    SELECT RAISE(ABORT, 'FROZEN: an approved classification cannot be changed');
END;

CREATE TABLE audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    object_id  TEXT,                 -- kept after the object is deleted, to show its history
    old        TEXT,
    new        TEXT
);
CREATE INDEX audit_object ON audit (object_id, id);
