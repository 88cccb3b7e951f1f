//! The review rule as the app edits it: each problem has its own code, nothing is stored for a
//! refused rule, and a change is one history entry with who changed it.

mod common;

use common::{ctx, temp_file_store};
use infoklass_core::review::ReviewRule;

#[test]
fn a_refused_rule_names_its_problem_and_a_saved_one_leaves_a_history_entry() {
    let (dir, mut store) = temp_file_store();
    let info = store.review_rule_info().unwrap();
    assert_eq!((info.rule, info.shipped, info.changed_at), (ReviewRule::default(), ReviewRule::default(), None));

    let ok = ReviewRule { months: 36, high_level: 2, high_months: 12 };
    for (bad, code) in [
        (ReviewRule { months: 121, ..ok }, "REVIEW_RULE_INTERVAL"),
        (ReviewRule { high_months: 0, ..ok }, "REVIEW_RULE_INTERVAL"),
        (ReviewRule { high_level: 5, ..ok }, "REVIEW_RULE_LEVEL"),
        (ReviewRule { high_months: 48, ..ok }, "REVIEW_RULE_ORDER"),
    ] {
        assert_eq!(store.set_review_rule(&ctx(), &bad).unwrap_err().code(), code, "{bad:?}");
    }
    assert_eq!(store.review_rule_info().unwrap().changed_at, None, "nothing stored");

    store.set_review_rule(&ctx(), &ok).unwrap();
    let info = store.review_rule_info().unwrap();
    assert_eq!(info.rule, ok);
    assert_eq!(info.changed_by.as_deref(), Some("anna.andersson"));
    assert_eq!(info.changed_at.as_deref(), Some(ctx().now.as_str()));

    let conn = rusqlite::Connection::open(dir.path().join("infoklass.sqlite")).unwrap();
    let (actor, old, new): (String, String, String) = conn
        .query_row("SELECT actor, old, new FROM audit WHERE action = 'set_review_rule'", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(actor, "anna.andersson");
    assert_eq!(serde_json::from_str::<ReviewRule>(&old).unwrap(), ReviewRule::default());
    assert_eq!(serde_json::from_str::<ReviewRule>(&new).unwrap(), ok);
}
