use infoklass_core::requirements::{Answer, Assessment};
use infoklass_store::{Ctx, Store};

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// The requirement key, e.g. BEH-01.
    key: String,
    /// uppfyllt, delvis_uppfyllt, ej_uppfyllt, ej_tillampligt (needs --comment), vet_ej, or
    /// inget to take the answer back.
    #[arg(value_parser = parse_answer)]
    answer: Choice,
    #[arg(long, default_value = "")]
    comment: String,
    #[arg(long, default_value = "")]
    evidence: String,
}

/// An answer, or none ("inget": the answer is taken back).
#[derive(Clone)]
struct Choice(Option<Answer>);

fn parse_answer(s: &str) -> Result<Choice, String> {
    if s == "inget" {
        return Ok(Choice(None));
    }
    Answer::parse(s).map(|a| Choice(Some(a))).ok_or_else(|| {
        format!("unknown answer \"{s}\" (uppfyllt, delvis_uppfyllt, ej_uppfyllt, ej_tillampligt, vet_ej, inget)")
    })
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let Some(answer) = a.answer.0 else {
        store.clear_assessment(ctx, &id, &a.key)?;
        println!("{}: inget svar", a.key);
        return Ok(());
    };
    let assessment = Assessment { key: a.key.clone(), answer, comment: a.comment, evidence: a.evidence };
    store.save_assessment(ctx, &id, &assessment)?;
    println!("{}: {}", a.key, answer.name_sv());
    Ok(())
}
