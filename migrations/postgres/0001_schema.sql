-- The organisation database: the same tables and columns as the embedded SQLite file at
-- its schema version 10, so one set of queries serves both and `db copy` moves rows as they
-- are. Differences: integers are BIGINT, the audit id is an identity column, the frozen
-- checks are PL/pgSQL triggers, and every object records the login that owns it.

CREATE TABLE scales (
    id          TEXT NOT NULL,
    version     TEXT NOT NULL,
    definition  TEXT NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE info_types (
    key             TEXT PRIMARY KEY,
    name_sv         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_sv  TEXT NOT NULL DEFAULT '',
    levels          TEXT NOT NULL,
    position        BIGINT NOT NULL,
    retired         BIGINT NOT NULL DEFAULT 0,
    description_en  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE objects (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    name_key              TEXT NOT NULL UNIQUE,
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
    search_text           TEXT NOT NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    decommissioned_on     TEXT,
    decommission_reason   TEXT NOT NULL DEFAULT '',
    -- The database login of the information owner: the row-level policies let this login
    -- (and the delegated editors) change the object.
    owner_login           TEXT NOT NULL DEFAULT session_user
);
CREATE INDEX objects_unit ON objects (unit);
CREATE INDEX objects_next_review ON objects (next_review);
CREATE INDEX objects_owner_login ON objects (owner_login);

-- Logins other than the owner that may edit an object (delegated editors).
CREATE TABLE object_editors (
    object_id  TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    login      TEXT NOT NULL,
    PRIMARY KEY (object_id, login)
);

CREATE TABLE classifications (
    id                TEXT PRIMARY KEY,
    object_id         TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    version           BIGINT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('utkast', 'faststalld', 'ersatt')),
    scale_id          TEXT NOT NULL,
    scale_version     TEXT NOT NULL,
    uplifts           TEXT NOT NULL DEFAULT '{}',
    lagrum            TEXT NOT NULL DEFAULT '[]',
    levels            TEXT NOT NULL DEFAULT '{}',
    profile           TEXT NOT NULL DEFAULT '',
    snapshot          TEXT,
    approved_by       TEXT,
    approved_at       TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    catalog_id        TEXT,
    catalog_version   TEXT,
    approval_note     TEXT NOT NULL DEFAULT '',
    unchanged_review  BIGINT NOT NULL DEFAULT 0,
    lagrum_version    TEXT,
    FOREIGN KEY (scale_id, scale_version) REFERENCES scales (id, version),
    UNIQUE (object_id, version)
);

CREATE TABLE information_sets (
    id                 TEXT NOT NULL,
    classification_id  TEXT NOT NULL REFERENCES classifications (id) ON DELETE CASCADE,
    position           BIGINT NOT NULL,
    name               TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    info_type          TEXT,
    level_k            BIGINT CHECK (level_k BETWEEN 0 AND 9),
    level_r            BIGINT CHECK (level_r BETWEEN 0 AND 9),
    level_t            BIGINT CHECK (level_t BETWEEN 0 AND 9),
    level_s            BIGINT CHECK (level_s BETWEEN 0 AND 9),
    motivation_k       TEXT NOT NULL DEFAULT '',
    motivation_r       TEXT NOT NULL DEFAULT '',
    motivation_t       TEXT NOT NULL DEFAULT '',
    motivation_s       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (classification_id, id)
);

-- An approved classification is frozen: the same rule as the SQLite triggers.
CREATE FUNCTION classifications_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.snapshot IS NOT NULL AND (
        NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.uplifts IS DISTINCT FROM OLD.uplifts
        OR NEW.lagrum IS DISTINCT FROM OLD.lagrum OR NEW.levels IS DISTINCT FROM OLD.levels
        OR NEW.approved_by IS DISTINCT FROM OLD.approved_by OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
        OR NEW.version IS DISTINCT FROM OLD.version OR NEW.catalog_id IS DISTINCT FROM OLD.catalog_id
        OR NEW.catalog_version IS DISTINCT FROM OLD.catalog_version
        OR NEW.approval_note IS DISTINCT FROM OLD.approval_note
        OR NEW.unchanged_review IS DISTINCT FROM OLD.unchanged_review
        OR NEW.lagrum_version IS DISTINCT FROM OLD.lagrum_version) THEN
        RAISE EXCEPTION 'FROZEN: an approved classification cannot be changed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER classifications_frozen BEFORE UPDATE ON classifications
    FOR EACH ROW EXECUTE FUNCTION classifications_frozen();

CREATE FUNCTION information_sets_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cid TEXT := CASE WHEN TG_OP = 'INSERT' THEN NEW.classification_id ELSE OLD.classification_id END;
BEGIN
    IF (SELECT status FROM classifications WHERE id = cid) <> 'utkast' THEN
        RAISE EXCEPTION 'FROZEN: an approved classification cannot be changed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER information_sets_frozen BEFORE INSERT OR UPDATE ON information_sets
    FOR EACH ROW EXECUTE FUNCTION information_sets_frozen();

CREATE TABLE audit (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    object_id  TEXT,
    old        TEXT,
    new        TEXT
);
CREATE INDEX audit_object ON audit (object_id, id);

-- The history cannot be forged: the acting user is the authenticated login and the time is
-- the server's, whatever the client sent; rows are never changed or removed.
CREATE FUNCTION audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.actor := session_user;
    NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    RETURN NEW;
END $$;
CREATE TRIGGER audit_stamp BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_stamp();

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'HISTORY_APPEND_ONLY: the history is never changed or removed';
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

CREATE TABLE catalogs (
    id           TEXT NOT NULL,
    version      TEXT NOT NULL,
    definition   TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    seq          BIGINT NOT NULL UNIQUE,
    PRIMARY KEY (id, version)
);

CREATE TABLE requirement_local (
    catalog_id  TEXT NOT NULL,
    key         TEXT NOT NULL,
    how         TEXT NOT NULL,
    PRIMARY KEY (catalog_id, key)
);

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
    requirement_key  TEXT,
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
    object_ids  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE procurement_items (
    procurement_id  TEXT NOT NULL REFERENCES procurements (id) ON DELETE CASCADE,
    key             TEXT NOT NULL,
    relevant        BIGINT NOT NULL CHECK (relevant IN (0, 1)),
    obligation      TEXT NOT NULL CHECK (obligation IN ('ska', 'bor')),
    text            TEXT NOT NULL,
    PRIMARY KEY (procurement_id, key)
);

CREATE TABLE risk_matrices (
    id          TEXT NOT NULL,
    version     TEXT NOT NULL,
    definition  TEXT NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE threat_origins (
    key       TEXT PRIMARY KEY,
    name_sv   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    position  BIGINT NOT NULL
);

CREATE TABLE threats (
    key             TEXT PRIMARY KEY,
    origin          TEXT NOT NULL REFERENCES threat_origins (key),
    name_sv         TEXT NOT NULL,
    name_en         TEXT NOT NULL DEFAULT '',
    description_sv  TEXT NOT NULL DEFAULT '',
    cause_sv        TEXT NOT NULL DEFAULT '',
    consequence_sv  TEXT NOT NULL DEFAULT '',
    aspects         TEXT NOT NULL,
    position        BIGINT NOT NULL,
    retired         BIGINT NOT NULL DEFAULT 0,
    description_en  TEXT NOT NULL DEFAULT '',
    cause_en        TEXT NOT NULL DEFAULT '',
    consequence_en  TEXT NOT NULL DEFAULT ''
);

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
    in_scope        TEXT NOT NULL DEFAULT '[]',
    status          TEXT NOT NULL CHECK (status IN ('utkast', 'faststalld')),
    approved_by     TEXT,
    approved_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    FOREIGN KEY (matrix_id, matrix_version) REFERENCES risk_matrices (id, version)
);

CREATE TABLE risks (
    id                  TEXT PRIMARY KEY,
    analysis_id         TEXT NOT NULL REFERENCES risk_analyses (id) ON DELETE CASCADE,
    data                TEXT NOT NULL,
    consequence_source  TEXT NOT NULL CHECK (consequence_source IN ('classification', 'manual')),
    value               BIGINT NOT NULL CHECK (value BETWEEN 1 AND 100),
    residual_value      BIGINT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX risks_analysis ON risks (analysis_id);

CREATE TABLE imports (
    id           TEXT PRIMARY KEY,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    format       TEXT NOT NULL,
    object_id    TEXT REFERENCES objects (id) ON DELETE SET NULL,
    outcome      TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    report       TEXT NOT NULL
);
CREATE INDEX imports_by_hash ON imports (sha256);
CREATE INDEX imports_by_object ON imports (object_id);

CREATE TABLE legacy_requirements (
    object_id  TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    position   BIGINT NOT NULL,
    data       TEXT NOT NULL,
    import_id  TEXT NOT NULL REFERENCES imports (id),
    PRIMARY KEY (object_id, position)
);

CREATE TABLE import_words (
    word      TEXT PRIMARY KEY,
    level     BIGINT NOT NULL,
    saved_at  TEXT NOT NULL,
    saved_by  TEXT NOT NULL
);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

CREATE TABLE answer_handovers (
    object_id    TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    handed_to    TEXT NOT NULL CHECK (handed_to IN ('it', 'leverantor')),
    name         TEXT NOT NULL,
    handed_on    TEXT NOT NULL,
    handed_by    TEXT NOT NULL,
    answered_at  TEXT,
    answered_by  TEXT,
    PRIMARY KEY (object_id, key)
);

CREATE TABLE lagrum (
    key         TEXT PRIMARY KEY,
    definition  TEXT NOT NULL,
    retired     BIGINT NOT NULL DEFAULT 0,
    position    BIGINT NOT NULL
);

CREATE TABLE lagrum_catalog (
    id       BIGINT PRIMARY KEY CHECK (id = 1),
    version  TEXT NOT NULL
);

CREATE TABLE org_lagrum (
    key  TEXT PRIMARY KEY
);

CREATE TABLE dependencies (
    object_id      TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    depends_on_id  TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('uses', 'integrates_with', 'runs_on', 'supplied_by')),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (object_id, depends_on_id, kind),
    CHECK (object_id <> depends_on_id)
);
CREATE INDEX dependencies_by_target ON dependencies (depends_on_id);

CREATE TABLE dependency_decisions (
    object_id       TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    from_object_id  TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    aspect          TEXT NOT NULL CHECK (aspect IN ('K', 'R', 'T', 'S')),
    level           BIGINT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('accepted', 'declined')),
    reason          TEXT NOT NULL DEFAULT '',
    decided_at      TEXT NOT NULL,
    decided_by      TEXT NOT NULL,
    PRIMARY KEY (object_id, from_object_id, aspect)
);

-- Who works in the organisation database: the login, its role (also a PostgreSQL role
-- membership, which is what the policies check) and its unit.
CREATE TABLE app_users (
    login     TEXT PRIMARY KEY,
    role      TEXT NOT NULL CHECK (role IN ('lasare', 'informationsagare', 'upphandlare', 'samordnare', 'administrator')),
    unit      TEXT NOT NULL DEFAULT '',
    added_at  TEXT NOT NULL,
    added_by  TEXT NOT NULL
);
