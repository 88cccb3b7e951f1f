-- Lagrum become catalogue data the organisation keeps (catalog/lagrum.toml is seeded into
-- `lagrum` at open). A lagrum is retired, never deleted. The organisation's own choices
-- (cybersäkerhetslagen, arkivlagen) are in `org_lagrum`; their requirements apply to every
-- object.
CREATE TABLE lagrum (
    key         TEXT PRIMARY KEY,
    definition  TEXT NOT NULL,              -- the LagrumDef as JSON
    retired     INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL
);

-- The version of the stored lagrum catalogue (one row).
CREATE TABLE lagrum_catalog (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  TEXT NOT NULL
);

CREATE TABLE org_lagrum (
    key  TEXT PRIMARY KEY
);
-- Every Swedish public body is under arkivlagen.
INSERT INTO org_lagrum (key) VALUES ('arkivlagen');

-- The lagrum catalogue version a classification was made under; NULL for those made
-- before the catalogue existed (the five lagrum built into earlier versions).
ALTER TABLE classifications ADD COLUMN lagrum_version TEXT;

-- Decisions stored under the five built-in keys get the new keys, and the minimums those
-- lagrum suggested then are written into each decision, so an approved classification
-- keeps its meaning. Säkerhetsskydd suggested K 4, so K is its picked aspect.
CREATE TEMP TABLE lagrum_rename (old TEXT PRIMARY KEY, new TEXT NOT NULL, aspects TEXT NOT NULL, minimums TEXT NOT NULL);
INSERT INTO lagrum_rename VALUES
    ('osl_sekretess',    'osl_annan',        '[]',    '{"K":2}'),
    ('gdpr_sarskilda',   'gdpr_sarskilda',   '[]',    '{"K":2,"S":2}'),
    ('patientdatalagen', 'patientdatalagen', '[]',    '{"S":2}'),
    ('sakerhetsskydd',   'sakerhetsskydd',   '["K"]', '{"K":4}'),
    ('nis2',             'samhallsviktig',   '[]',    '{"T":2}');

DROP TRIGGER classifications_frozen;

UPDATE classifications SET lagrum = (
    SELECT json_group_array(json_object(
        'lagrum', COALESCE(m.new, json_extract(d.value, '$.lagrum')),
        'status', json_extract(d.value, '$.status'),
        'reason', COALESCE(json_extract(d.value, '$.reason'), ''),
        'aspects', json(COALESCE(m.aspects, '[]')),
        'minimums', json(COALESCE(m.minimums, '{}'))))
    FROM json_each(classifications.lagrum) AS d
    LEFT JOIN lagrum_rename AS m ON m.old = json_extract(d.value, '$.lagrum'))
WHERE json_array_length(lagrum) > 0;

UPDATE classifications SET snapshot = json_set(snapshot, '$.content.lagrum', json((
    SELECT json_group_array(json_object(
        'lagrum', COALESCE(m.new, json_extract(d.value, '$.lagrum')),
        'status', json_extract(d.value, '$.status'),
        'reason', COALESCE(json_extract(d.value, '$.reason'), ''),
        'aspects', json(COALESCE(m.aspects, '[]')),
        'minimums', json(COALESCE(m.minimums, '{}'))))
    FROM json_each(classifications.snapshot, '$.content.lagrum') AS d
    LEFT JOIN lagrum_rename AS m ON m.old = json_extract(d.value, '$.lagrum'))))
WHERE snapshot IS NOT NULL AND json_array_length(snapshot, '$.content.lagrum') > 0;

-- Stored requirement catalogues name lagrum in their triggers. `osl_sekretess` is now the
-- group of every OSL lagrum, so those triggers keep working; `nis2` becomes the per-object
-- flag that replaced it.
UPDATE catalogs SET definition = replace(definition, 'lagrum:nis2', 'lagrum:samhallsviktig')
    WHERE instr(definition, 'lagrum:nis2') > 0;

DROP TABLE lagrum_rename;

CREATE TRIGGER classifications_frozen
BEFORE UPDATE ON classifications
WHEN OLD.snapshot IS NOT NULL AND (
    NEW.snapshot IS NOT OLD.snapshot OR NEW.uplifts IS NOT OLD.uplifts OR NEW.lagrum IS NOT OLD.lagrum
    OR NEW.levels IS NOT OLD.levels OR NEW.approved_by IS NOT OLD.approved_by
    OR NEW.approved_at IS NOT OLD.approved_at OR NEW.version IS NOT OLD.version
    OR NEW.catalog_id IS NOT OLD.catalog_id OR NEW.catalog_version IS NOT OLD.catalog_version
    OR NEW.approval_note IS NOT OLD.approval_note OR NEW.unchanged_review IS NOT OLD.unchanged_review
    OR NEW.lagrum_version IS NOT OLD.lagrum_version)
BEGIN
    SELECT RAISE(ABORT, 'FROZEN: an approved classification cannot be changed');
END;
