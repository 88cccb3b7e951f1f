-- The information owner hands requirements over to the system administration (IT) or the
-- supplier to answer, and sees them come back answered. Kept per object and requirement key,
-- like the self-assessment answers, so a hand-over carries over to a re-classification.
CREATE TABLE answer_handovers (
    object_id    TEXT NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    handed_to    TEXT NOT NULL CHECK (handed_to IN ('it', 'leverantor')),
    name         TEXT NOT NULL,               -- the person or company asked
    handed_on    TEXT NOT NULL,               -- ISO date
    handed_by    TEXT NOT NULL,
    answered_at  TEXT,                        -- set when an answer is saved after the hand-over
    answered_by  TEXT,
    PRIMARY KEY (object_id, key)
);
