use infoklass_core::requirements::Suppression;
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
}

pub fn run(store: &Store, _ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let view = store.requirements(&id)?;
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
        println!("  {:<8} {} [{}] – {answer}", item.key, item.title_sv, reasons.join(", "));
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
