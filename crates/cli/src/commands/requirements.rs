use infoklass_core::requirements::{AnsweredBy, Suppression};
use infoklass_store::{Ctx, Store};

use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// Print JSON (a RequirementView).
    #[arg(long)]
    json: bool,
    /// Only the requirements that verksamhet, it or leverantor answers.
    #[arg(long, value_parser = parse_answered_by)]
    answered_by: Option<AnsweredBy>,
}

pub fn parse_answered_by(s: &str) -> Result<AnsweredBy, String> {
    AnsweredBy::parse(s).ok_or_else(|| format!("unknown \"{s}\" (verksamhet, it, leverantor)"))
}

pub fn run(store: &Store, _ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let mut view = store.requirements(&id)?;
    if let Some(who) = a.answered_by {
        view.items.retain(|i| i.answered_by == who);
    }
    if a.json {
        return print_json(&view);
    }
    println!("{}  {}  (kravkatalog {} {})", view.object_name, view.profile, view.catalog_id, view.catalog_version);
    match view.suppressed {
        Some(Suppression::SecurityLevel) => {
            println!("Inga krav: nivå 4 (säkerhetsskydd) kräver en särskild analys med säkerhetsskyddschefen.");
        }
        Some(Suppression::Incomplete) => {
            println!("Inga krav ännu: bedöm alla aspekter i alla informationsmängder först.")
        }
        None => {}
    }
    let mut area = String::new();
    for item in &view.items {
        if item.area_sv != area {
            area = item.area_sv.clone();
            println!("\n{area}");
        }
        let reasons: Vec<String> = item.reasons.iter().map(|r| r.label_sv()).collect();
        let answer = item.assessment.as_ref().map(|a| a.answer.name_sv()).unwrap_or("ej bedömt");
        let handed = match &item.handover {
            Some(h) if h.answered_at.is_some() => format!(" (lämnad till {}, besvarad)", h.name),
            Some(h) => format!(" (lämnad till {} {}, väntar)", h.name, h.handed_on),
            None => String::new(),
        };
        println!(
            "  {:<8} {} [{}] {} – {answer}{handed}",
            item.key,
            item.title_sv,
            reasons.join(", "),
            item.answered_by.name_sv()
        );
    }
    if a.answered_by.is_some() {
        println!("\n{} krav", view.items.len());
        return Ok(());
    }
    let c = &view.counts;
    println!(
        "\n{} krav: {} uppfyllda, {} delvis, {} ej uppfyllda, {} ej tillämpliga, {} vet ej, {} ej bedömda",
        view.items.len(),
        c.uppfyllt,
        c.delvis_uppfyllt,
        c.ej_uppfyllt,
        c.ej_tillampligt,
        c.vet_ej,
        c.unanswered
    );
    Ok(())
}
