use infoklass_store::{ChosenReview, Ctx, Store};

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// Who approves (the information owner); defaults to the object's informationsägare.
    #[arg(long)]
    by: Option<String>,
    /// Next review date (YYYY-MM-DD) instead of the organisation's rule; needs --reason.
    #[arg(long, requires = "reason", value_name = "DATE")]
    next_review: Option<String>,
    /// Why the next review differs from the rule.
    #[arg(long, requires = "next_review")]
    reason: Option<String>,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let by = match a.by {
        Some(by) => by,
        None => store.get_object(&id, &ctx.today)?.meta.information_owner,
    };
    let chosen = a.next_review.map(|date| ChosenReview { date, reason: a.reason.unwrap_or_default() });
    store.approve_with(ctx, &id, &by, chosen.as_ref())?;
    let d = store.get_object(&id, &ctx.today)?;
    let next = d.meta.next_review.as_deref().unwrap_or("–");
    println!(
        "Fastställd: {} {} (version {}, av {by}); nästa översyn {next}",
        d.meta.name, d.current.profile.text, d.current.version
    );
    Ok(())
}
