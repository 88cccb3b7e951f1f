-- Infoklass schema, version 11: what an old ISAK workbook recorded about its classification
-- (date, participants, owners, sheet, ISAK version), kept with its import as JSON, since the
-- object's own facts change with later classifications.
ALTER TABLE imports ADD COLUMN isak_record TEXT;

-- Imports made before this version: the object the workbook created was written with the
-- workbook's facts, and its creation is in the audit log at the same moment as the import.
UPDATE imports SET isak_record = (
    SELECT json_object(
        'classified_on', json_extract(a.new, '$.meta.classification_date'),
        'participants', json(coalesce(json_extract(a.new, '$.meta.participants'), '[]')),
        'information_owner', coalesce(json_extract(a.new, '$.meta.information_owner'), ''),
        'system_owner', coalesce(json_extract(a.new, '$.meta.system_owner'), ''))
    FROM audit a
    WHERE a.object_id = imports.object_id AND a.action = 'create' AND a.entity = 'object'
      AND a.at = imports.imported_at
)
WHERE format = 'isak' AND outcome = 'created';
