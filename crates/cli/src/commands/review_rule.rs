//! `infoklass review-rule`: show or change how often approved classifications are reviewed.

use infoklass_core::review::ReviewRule;
use infoklass_store::{Ctx, Store};

use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// Months between reviews.
    #[arg(long)]
    months: Option<u32>,
    /// From this level on (any aspect) the shorter interval applies.
    #[arg(long)]
    high_level: Option<u8>,
    /// Months between reviews at that level or above.
    #[arg(long)]
    high_months: Option<u32>,
    #[arg(long)]
    json: bool,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let old = store.review_rule()?;
    let rule = ReviewRule {
        months: a.months.unwrap_or(old.months),
        high_level: a.high_level.unwrap_or(old.high_level),
        high_months: a.high_months.unwrap_or(old.high_months),
    };
    store.set_review_rule(ctx, &rule)?;
    if a.json {
        return print_json(&rule);
    }
    println!(
        "Översyn var {} månad(er); var {} månad(er) när någon aspekt har nivå {} eller högre.",
        rule.months, rule.high_months, rule.high_level
    );
    Ok(())
}
