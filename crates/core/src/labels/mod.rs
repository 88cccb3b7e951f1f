//! The words of workbooks, reports and exports, one table per language (sv.rs, en.rs), so a
//! label is written once and an English export cannot pick up a Swedish word by accident.
//! Keys are `group.value`, the value as it travels (e.g. `status.faststalld`).

mod en;
mod sv;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Sv => sv::TABLE,
            Lang::En => en::TABLE,
        }
    }
}

/// Every (key, text) of `lang`'s table, in the table's order.
pub fn entries(lang: Lang) -> &'static [(&'static str, &'static str)] {
    lang.table()
}

/// The text of `key` (e.g. `sheet.risks`); the key itself when the table lacks it, which the
/// tests below rule out for every key of either table.
pub fn text(lang: Lang, key: &str) -> &'static str {
    lang.table().iter().find(|(k, _)| *k == key).map(|(_, v)| *v).unwrap_or_else(|| {
        debug_assert!(false, "no label {key}");
        ""
    })
}

/// The label of an enum value in `group`, keyed by its serialised name.
pub fn word<T: Serialize>(lang: Lang, group: &str, value: T) -> &'static str {
    let wire = serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    text(lang, &format!("{group}.{wire}"))
}

/// `key`'s text with each `{name}` replaced by its value.
pub fn fill(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text(lang, key).to_string(), |out, (name, value)| out.replace(&format!("{{{name}}}"), value))
}

/// The letter of an aspect: K/R/T/S in Swedish, C/I/A/T in English (as the UI writes them).
pub fn aspect_letter(lang: Lang, aspect: crate::Aspect) -> &'static str {
    word(lang, "aspect", aspect)
}

/// A profile such as `K2 R3 T– S2` with the aspect letters of `lang` (in English `C2 I3 A– T2`);
/// in Swedish the same text as `Profile::text`.
pub fn profile_text(lang: Lang, levels: &crate::aspect::Levels) -> String {
    let letters = levels.iter().map(|(a, l)| (aspect_letter(lang, a), l));
    letters.map(|(x, l)| l.map_or(format!("{x}–"), |l| format!("{x}{l}"))).collect::<Vec<_>>().join(" ")
}

/// A profile text as `Profile::text` writes it (`K2 R3 T– S2`) with the letters of `lang`.
pub fn relabel_profile(lang: Lang, profile: &str) -> String {
    let letter = |t: &str| {
        let code = t.get(..1).unwrap_or("");
        match crate::Aspect::ALL.iter().find(|a| a.code() == code) {
            Some(a) => format!("{}{}", aspect_letter(lang, *a), &t[1..]),
            None => t.to_string(),
        }
    };
    profile.split(' ').map(letter).collect::<Vec<_>>().join(" ")
}

/// A catalogue text (requirement, threat, information type) in `lang`: the English text in
/// English, else the Swedish one marked "(sv)" so a reader sees it is untranslated. The UI's
/// `textFor` (ui/src/lib/bilingual.ts) follows the same rule; `catalog_text_matches_the_ui`
/// reads that file so the two cannot drift.
pub fn catalog_text(lang: Lang, sv: &str, en: &str) -> String {
    match lang {
        Lang::Sv => sv.to_string(),
        Lang::En if !en.trim().is_empty() => en.to_string(),
        Lang::En if sv.trim().is_empty() => String::new(),
        Lang::En => format!("{sv} {UNTRANSLATED_MARK}"),
    }
}

/// Follows a Swedish catalogue text in an English export.
pub const UNTRANSLATED_MARK: &str = "(sv)";

/// The value whose label is `typed`, in either language and any case: a workbook exported in
/// English reads back like a Swedish one.
pub fn parse_word<T: Serialize + Copy>(group: &str, all: &[T], typed: &str) -> Option<T> {
    let typed = typed.trim().to_lowercase();
    all.iter().copied().find(|v| Lang::ALL.iter().any(|l| word(*l, group, *v).to_lowercase() == typed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Status;

    fn keys(lang: Lang) -> Vec<&'static str> {
        lang.table().iter().map(|(k, _)| *k).collect()
    }

    /// The keys of `a` that `b` lacks.
    fn missing(a: Lang, b: Lang) -> Vec<&'static str> {
        keys(a).into_iter().filter(|k| !keys(b).contains(k)).collect()
    }

    #[test]
    fn every_label_has_both_languages() {
        assert_eq!(missing(Lang::Sv, Lang::En), Vec::<&str>::new(), "Swedish keys without an English label");
        assert_eq!(missing(Lang::En, Lang::Sv), Vec::<&str>::new(), "English keys without a Swedish label");
        assert_eq!(keys(Lang::Sv), keys(Lang::En), "the two tables list the keys in the same order");
        let mut unique = keys(Lang::Sv);
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys(Lang::Sv).len(), "a key is listed twice");
        for lang in Lang::ALL {
            assert!(lang.table().iter().all(|(_, v)| !v.trim().is_empty()), "{lang:?} has an empty label");
        }
    }

    #[test]
    fn no_english_sheet_label_is_swedish() {
        let swedish: Vec<&str> = sv::TABLE.iter().filter(|(k, _)| k.starts_with("sheet.")).map(|(_, v)| *v).collect();
        for (key, en) in en::TABLE.iter().filter(|(k, _)| k.starts_with("sheet.")) {
            assert!(!swedish.contains(en), "{key} is Swedish in English: {en}");
            assert!(!en.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']), "{key}: {en}");
        }
    }

    #[test]
    fn words_read_back_in_either_language() {
        assert_eq!(word(Lang::Sv, "status", Status::Faststalld), "Fastställd");
        assert_eq!(word(Lang::En, "status", Status::Faststalld), "Approved");
        let all = [Status::Utkast, Status::Faststalld, Status::Ersatt];
        assert_eq!(parse_word("status", &all, " fastställd "), Some(Status::Faststalld));
        assert_eq!(parse_word("status", &all, "APPROVED"), Some(Status::Faststalld));
        assert_eq!(parse_word("status", &all, "klar"), None);
    }

    #[test]
    fn catalogue_texts_fall_back_to_marked_swedish() {
        assert_eq!(catalog_text(Lang::Sv, "Loggning", "Logging"), "Loggning");
        assert_eq!(catalog_text(Lang::En, "Loggning", "Logging"), "Logging");
        assert_eq!(catalog_text(Lang::En, "Loggning", " "), "Loggning (sv)");
        assert_eq!(catalog_text(Lang::En, "", ""), "");
        assert_eq!(
            fill(Lang::En, "wb.invalid_number", &[("min", "1"), ("max", "4")]),
            "Enter a whole number from 1 to 4."
        );
        assert_eq!(aspect_letter(Lang::En, crate::Aspect::T), "A");
        let levels = crate::PerAspect { k: Some(2), r: Some(3), t: None, s: Some(2) };
        assert_eq!(profile_text(Lang::En, &levels), "C2 I3 A– T2");
        assert_eq!(profile_text(Lang::Sv, &levels), crate::aspect::profile_string(&levels));
        assert_eq!(relabel_profile(Lang::En, &crate::aspect::profile_string(&levels)), "C2 I3 A– T2");
    }

    /// The UI decides the same fallback in `textFor`; its source must state the same rule
    /// (English when translated, else Swedish plus the mark) with the same mark.
    #[test]
    fn catalog_text_matches_the_ui() {
        let ui = include_str!("../../../../ui/src/lib/bilingual.ts");
        assert!(
            ui.contains("if (lang === 'sv' || en.trim() !== '') return lang === 'sv' ? sv : en;"),
            "textFor changed"
        );
        assert!(ui.contains("return sv.trim() === '' ? '' : `${sv} ${mark}`;"), "textFor changed");
        let en_ui = include_str!("../../../../ui/src/lib/i18n/en.ts");
        assert!(en_ui.contains(&format!("'lang.untranslatedMark': '{UNTRANSLATED_MARK}'")), "the UI's mark differs");
    }
}
