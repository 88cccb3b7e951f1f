use infoklass_core::requirements::{Answer, Assessment};
use infoklass_store::{Ctx, Store};

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// The requirement key, e.g. BEH-01.
    key: String,
    /// uppfyllt, delvis_uppfyllt, ej_uppfyllt, ej_tillampligt (needs --comment) or vet_ej.
    #[arg(value_parser = parse_answer)]
    answer: Answer,
    #[arg(long, default_value = "")]
    comment: String,
    #[arg(long, default_value = "")]
    evidence: String,
}

fn parse_answer(s: &str) -> Result<Answer, String> {
    Answer::parse(s).ok_or_else(|| format!("unknown answer \"{s}\" (uppfyllt, delvis_uppfyllt, ej_uppfyllt, ej_tillampligt, vet_ej)"))
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let assessment = Assessment { key: a.key.clone(), answer: a.answer, comment: a.comment, evidence: a.evidence };
    store.save_assessment(ctx, &id, &assessment)?;
    println!("{}: {}", a.key, a.answer.name_sv());
    Ok(())
}
