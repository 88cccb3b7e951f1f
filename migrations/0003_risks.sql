-- Infoklass schema, version 3: risk analyses linked to the classification.

CREATE TABLE risk_matrices (
    id          TEXT NOT NULL,
    version     TEXT NOT NULL,
    definition  TEXT NOT NULL,               -- the matrix as JSON, exactly as used
    PRIMARY KEY (id, version)
);

-- The organisation's threat catalogue (seeded from the shipped one, then editable).
CREATE TABLE threat_origins (
    key       TEXT PRIMARY KEY,
    name_sv   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    position  INTEGER NOT NULL
);

CREATE TABLE threats (
    key             TEXT PRIMARY KEY,
    origin          TEXT NOT NULL REFERENCES threat_origins (key),
    name_sv         TEXT NOT NULL,
    name_en         TEXT NOT NULL DEFAULT '',
    description_sv  TEXT NOT NULL DEFAULT '',
    cause_sv        TEXT NOT NULL DEFAULT '',
    consequence_sv  TEXT NOT NULL DEFAULT '',
    aspects         TEXT NOT NULL,           -- JSON list of K, R, T, S
    position        INTEGER NOT NULL
);

-- One risk analysis per object; it keeps the matrix version it was made under.
CREATE TABLE risk_analyses (
    id              TEXT PRIMARY KEY,
    object_id       TEXT NOT NULL UNIQUE REFERENCES objects (id) ON DELETE CASCADE,
    matrix_id       TEXT NOT NULL,
    matrix_version  TEXT NOT NULL,
    purpose         TEXT NOT NULL DEFAULT '',
    scope           TEXT NOT NULL DEFAULT '',
    analysis_date   TEXT,
    participants    TEXT NOT NULL DEFAULT '[]',
    risk_owner      TEXT NOT NULL DEFAULT '',
    in_scope        TEXT NOT NULL DEFAULT '[]',   -- JSON list of threat keys
    status          TEXT NOT NULL CHECK (status IN ('utkast', 'faststalld')),
    approved_by     TEXT,
    approved_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    FOREIGN KEY (matrix_id, matrix_version) REFERENCES risk_matrices (id, version)
);

CREATE TABLE risks (
    id                   TEXT PRIMARY KEY,
    analysis_id          TEXT NOT NULL REFERENCES risk_analyses (id) ON DELETE CASCADE,
    data                 TEXT NOT NULL,     -- the risk as JSON
    -- 'classification' while the consequence is the one the classification gives; a later
    -- change of the classification then flags the risk for review.
    consequence_source   TEXT NOT NULL CHECK (consequence_source IN ('classification', 'manual')),
    value                INTEGER NOT NULL CHECK (value BETWEEN 1 AND 100),
    residual_value       INTEGER,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX risks_analysis ON risks (analysis_id);
