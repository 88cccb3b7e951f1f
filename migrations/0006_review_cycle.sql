-- The organisation's settings as JSON values, e.g. the review rule ('review_rule'). A missing
-- row means the shipped default.
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

-- What an approval said about the review cycle: the reason for a next review date other than
-- the rule's, or the comment of a review that found nothing to change (unchanged_review = 1).
ALTER TABLE classifications ADD COLUMN approval_note TEXT NOT NULL DEFAULT '';
ALTER TABLE classifications ADD COLUMN unchanged_review INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER classifications_frozen;
CREATE TRIGGER classifications_frozen
BEFORE UPDATE ON classifications
WHEN OLD.snapshot IS NOT NULL AND (
    NEW.snapshot IS NOT OLD.snapshot OR NEW.uplifts IS NOT OLD.uplifts OR NEW.lagrum IS NOT OLD.lagrum
    OR NEW.levels IS NOT OLD.levels OR NEW.approved_by IS NOT OLD.approved_by
    OR NEW.approved_at IS NOT OLD.approved_at OR NEW.version IS NOT OLD.version
    OR NEW.catalog_id IS NOT OLD.catalog_id OR NEW.catalog_version IS NOT OLD.catalog_version
    OR NEW.approval_note IS NOT OLD.approval_note OR NEW.unchanged_review IS NOT OLD.unchanged_review)
BEGIN
    SELECT RAISE(ABORT, 'FROZEN: an approved classification cannot be changed');
END;
