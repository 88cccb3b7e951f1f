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

    #[test]
    fn every_label_has_both_languages() {
        assert_eq!(keys(Lang::Sv), keys(Lang::En), "the two tables list the same keys in the same order");
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
}
