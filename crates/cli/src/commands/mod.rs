pub mod actions;
pub mod approve;
pub mod assess;
pub mod catalog;
pub mod db;
pub mod decommission;
pub mod delete;
pub mod deps;
pub mod export;
pub mod handover;
pub mod import;
pub mod info_types;
pub mod lists;
pub mod new;
pub mod objects;
pub mod org_db;
pub mod overview;
pub mod procurement;
pub mod report;
pub mod requirements;
pub mod review;
pub mod review_rule;
pub mod reviews;
pub mod risk;
pub mod risks;
pub mod show;
pub mod threats;
pub mod top_risk_role;
pub mod users;

/// `--lang sv|en`: the language of an exported file's sheets, headers and words.
pub(crate) fn parse_lang(s: &str) -> Result<infoklass_core::labels::Lang, String> {
    infoklass_core::labels::Lang::parse(s).ok_or_else(|| format!("{s} is not sv or en"))
}
