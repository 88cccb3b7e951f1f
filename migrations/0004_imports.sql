-- Infoklass schema, version 4: workbook imports, requirements kept from old ISAK workbooks,
-- and the word-to-level mappings people confirm when importing.

-- One row per file read in (old ISAK workbooks and Infoklass workbooks sent back).
CREATE TABLE imports (
    id           TEXT PRIMARY KEY,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    format       TEXT NOT NULL,               -- isak or infoklass
    object_id    TEXT REFERENCES objects (id) ON DELETE SET NULL,
    outcome      TEXT NOT NULL,               -- created, updated or unchanged
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    report       TEXT NOT NULL                -- JSON: diagnostics, left-over cells, changes
);
CREATE INDEX imports_by_hash ON imports (sha256);
CREATE INDEX imports_by_object ON imports (object_id);

-- ISAK's own requirement rows, verbatim, per object. Not part of any catalogue.
CREATE TABLE legacy_requirements (
    object_id  TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    data       TEXT NOT NULL,                 -- JSON of the row as read
    import_id  TEXT NOT NULL REFERENCES imports (id),
    PRIMARY KEY (object_id, position)
);

-- Level words a person mapped in an import preview ("hög" → 3), reused by later imports.
CREATE TABLE import_words (
    word      TEXT PRIMARY KEY,               -- lower case, trimmed
    level     INTEGER NOT NULL,
    saved_at  TEXT NOT NULL,
    saved_by  TEXT NOT NULL
);
