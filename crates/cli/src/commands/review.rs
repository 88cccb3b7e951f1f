//! `infoklass review`: översyn utan ändringar, a review that finds the classification still
//! holds, recorded as a new approved version with the next review from the rule.

use infoklass_store::{Ctx, Store};

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// Who made the review; defaults to the object's informationsägare.
    #[arg(long)]
    by: Option<String>,
    /// What the review looked at, e.g. "Inga ändringar i verksamheten eller systemet".
    #[arg(long, default_value = "")]
    comment: String,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let by = match a.by {
        Some(by) => by,
        None => store.get_object(&id, &ctx.today)?.meta.information_owner,
    };
    store.confirm_review(ctx, &id, &by, &a.comment)?;
    let d = store.get_object(&id, &ctx.today)?;
    println!(
        "Översyn utan ändringar: {} {} (version {}, av {by}); nästa översyn {}",
        d.meta.name,
        d.current.profile.text,
        d.current.version,
        d.meta.next_review.as_deref().unwrap_or("–")
    );
    Ok(())
}
