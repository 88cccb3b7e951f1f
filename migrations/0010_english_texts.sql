-- English texts beside the Swedish ones of threats and information types; empty means not
-- translated (the UI then shows the Swedish text marked "(sv)"). Requirement catalogues are
-- stored as JSON and need no column. After this migration the store fills the English texts
-- of shipped entries whose Swedish text is unchanged (english_fill.rs).
ALTER TABLE threats ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE threats ADD COLUMN cause_en TEXT NOT NULL DEFAULT '';
ALTER TABLE threats ADD COLUMN consequence_en TEXT NOT NULL DEFAULT '';
ALTER TABLE info_types ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
