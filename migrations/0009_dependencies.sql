-- Dependencies between objects, the owners' decisions on the levels they suggest, and
-- decommissioning (avveckling) instead of deleting an object with an approved classification.

-- `object_id` depends on `depends_on_id` (a process uses a system, a system runs on a platform).
-- Cycles are allowed (two systems integrating with each other); an object never depends on itself.
CREATE TABLE dependencies (
    object_id      TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    depends_on_id  TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('uses', 'integrates_with', 'runs_on', 'supplied_by')),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (object_id, depends_on_id, kind),
    CHECK (object_id <> depends_on_id)
);
CREATE INDEX dependencies_by_target ON dependencies (depends_on_id);

-- What the owner of `object_id` decided about the minimum `level` that `from_object_id`
-- (an object depending on it) suggests for one aspect. One row per pair and aspect: a new
-- decision replaces the old one.
CREATE TABLE dependency_decisions (
    object_id       TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    from_object_id  TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    aspect          TEXT NOT NULL CHECK (aspect IN ('K', 'R', 'T', 'S')),
    level           INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('accepted', 'declined')),
    reason          TEXT NOT NULL DEFAULT '',
    decided_at      TEXT NOT NULL,
    decided_by      TEXT NOT NULL,
    PRIMARY KEY (object_id, from_object_id, aspect)
);

-- A decommissioned (avvecklat) object is kept, read-only, with the date and the reason.
ALTER TABLE objects ADD COLUMN decommissioned_on TEXT;
ALTER TABLE objects ADD COLUMN decommission_reason TEXT NOT NULL DEFAULT '';
