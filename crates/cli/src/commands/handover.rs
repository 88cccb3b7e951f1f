//! `infoklass handover`: the owner hands requirements over to IT or the supplier to answer
//! (or takes them back).

use infoklass_core::requirements::AnsweredBy;
use infoklass_core::ErrorCode;
use infoklass_store::{Ctx, HandoverInput, Store};

use super::requirements::parse_answered_by;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// Requirement keys, e.g. AUT-01 LOG-02.
    keys: Vec<String>,
    /// it or leverantor.
    #[arg(long, value_parser = parse_answered_by)]
    to: Option<AnsweredBy>,
    /// Who is asked (a person or a company).
    #[arg(long, default_value = "")]
    name: String,
    /// Every requirement the catalogue says --to answers, instead of listing keys.
    #[arg(long)]
    all: bool,
    /// Take the listed requirements back (the owner answers them again).
    #[arg(long, conflicts_with_all = ["to", "all"])]
    take_back: bool,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    if a.take_back {
        let n = store.take_back(ctx, &id, &a.keys)?;
        println!("{n} krav tillbaka hos verksamheten");
        return Ok(());
    }
    let to = a.to.ok_or_else(|| CliError {
        code: ErrorCode::InvalidInput,
        message: "say who answers with --to it or --to leverantor".into(),
    })?;
    let keys = if a.all {
        let view = store.requirements(&id)?;
        view.items.into_iter().filter(|i| i.answered_by == to).map(|i| i.key).collect()
    } else {
        a.keys
    };
    let n = store.hand_over(ctx, &id, &HandoverInput { keys, to, name: a.name.clone() })?;
    println!("{n} krav lämnade till {} ({})", a.name.trim(), to.name_sv());
    Ok(())
}
