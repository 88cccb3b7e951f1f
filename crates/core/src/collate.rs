//! Swedish order for names shown to people: Å, Ä and Ö after Z in that order, case ignored
//! at first, and digits compared by their value ("System 2" before "System 10"). Byte order
//! would put "Ärendesystem" before "Åtkomstsystem" and "System 10" before "System 2".

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::preferences::CollationNumericOrdering;
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        let mut prefs = CollatorPreferences::from(locale!("sv"));
        prefs.numeric_ordering = Some(CollationNumericOrdering::True);
        // The Swedish data is compiled into the binary, so this cannot fail at run time.
        Collator::try_new(prefs, CollatorOptions::default()).expect("compiled Swedish collation data")
    })
}

/// Compares two names as a Swedish reader expects; equal names in other case or with
/// surrounding spaces fall back to byte order so that sorting is stable and total.
pub fn compare(a: &str, b: &str) -> Ordering {
    collator().compare(a.trim(), b.trim()).then_with(|| a.cmp(b))
}

/// Sorts items by a name in Swedish order.
pub fn sort_by_name<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| compare(name(a), name(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        sort_by_name(&mut v, |s| s.as_str());
        v
    }

    #[test]
    fn a_ring_a_umlaut_o_umlaut_come_after_z_in_that_order() {
        assert_eq!(
            sorted(&["Ärendesystem", "Åtkomstsystem", "Zeta", "Öppna data", "Alfa"]),
            ["Alfa", "Zeta", "Åtkomstsystem", "Ärendesystem", "Öppna data"]
        );
    }

    #[test]
    fn numbers_in_natural_order() {
        assert_eq!(sorted(&["System 10", "System 2", "System 1"]), ["System 1", "System 2", "System 10"]);
    }

    #[test]
    fn case_does_not_decide_before_the_letters_do() {
        assert_eq!(sorted(&["ärende", "Åtkomst", "bok", "Apa"]), ["Apa", "bok", "Åtkomst", "ärende"]);
        assert!(compare("ekonomi", "Ekonomi").is_ne(), "a total order, stable for equal letters");
    }

    #[test]
    fn accented_letters_sort_with_their_base_letter() {
        assert_eq!(sorted(&["Ezra", "Éxtra", "Eva"]), ["Eva", "Éxtra", "Ezra"]);
    }
}
