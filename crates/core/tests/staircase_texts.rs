//! A tender list shows only the highest applying step of a staircase (`supersedes`), so that
//! step's wordings must restate what the steps it includes asked for.

use infoklass_core::requirements::Catalog;

/// (key, phrases each of its ÄR- and SKA-wordings must contain), per language.
const BACKUP_STEPS: &[(&str, &[&str], &[&str])] = &[
    ("SAK-03", &["30 dagar", "dagligen|per dygn"], &["30 days", "daily|24 hours"]),
    ("SAK-04", &["30 dagar", "dagligen|per dygn", "kvartal"], &["30 days", "daily|24 hours", "quarter"]),
];

fn holds(text: &str, phrase: &str) -> bool {
    phrase.split('|').any(|p| text.contains(p))
}

#[test]
fn backup_steps_restate_the_retention_and_frequency_of_the_steps_they_include() {
    let c = Catalog::default_catalog();
    let mut gaps = Vec::new();
    for (key, sv, en) in BACKUP_STEPS {
        let r = c.requirements.iter().find(|r| r.key == *key).expect("shipped");
        for (field, text, phrases) in
            [("ar_sv", &r.ar_sv, sv), ("ska_sv", &r.ska_sv, sv), ("ar_en", &r.ar_en, en), ("ska_en", &r.ska_en, en)]
        {
            gaps.extend(phrases.iter().filter(|p| !holds(text, p)).map(|p| format!("{key}.{field} lacks {p:?}")));
        }
    }
    assert!(gaps.is_empty(), "{gaps:#?}");
}
