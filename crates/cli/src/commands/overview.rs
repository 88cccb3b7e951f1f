//! `infoklass overview`: the coordinator's overview: coverage, levels, reviews, risk analyses
//! the quality findings and the requirements across the organisation, for the whole
//! organisation or one unit.

use infoklass_core::overview::requirements::RequirementOverview;
use infoklass_core::overview::{FindingCode, Overview, OverviewFilter};
use infoklass_core::{Aspect, ObjectKind};
use infoklass_store::{Ctx, Store};

use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// Only this förvaltning/enhet.
    #[arg(long)]
    unit: Option<String>,
    /// Only this kind of object (system, process, tjanst, informationsmangd).
    #[arg(long, value_parser = parse_kind)]
    kind: Option<ObjectKind>,
    /// Everything, with the ids behind every figure, as JSON.
    #[arg(long)]
    json: bool,
}

fn parse_kind(s: &str) -> Result<ObjectKind, String> {
    ObjectKind::parse(s).ok_or_else(|| format!("unknown kind \"{s}\" (system, process, tjanst, informationsmangd)"))
}

/// The JSON: the overview's fields, and the requirement figures under `requirements`.
#[derive(serde::Serialize)]
struct Json<'a> {
    #[serde(flatten)]
    overview: &'a Overview,
    requirements: &'a RequirementOverview,
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let filter = OverviewFilter { unit: a.unit, kind: a.kind };
    let o = store.overview(&filter, &ctx.today)?;
    let r = store.requirement_overview(&filter, &ctx.today)?;
    if a.json {
        return print_json(&Json { overview: &o, requirements: &r });
    }
    print(&o);
    print_requirements(&r);
    Ok(())
}

fn print_requirements(r: &RequirementOverview) {
    println!("\nKrav per område (objekt; uppfyllt / delvis / ej uppfyllt / ej tillämpligt / vet ej / obesvarat)");
    for a in r.areas.iter().filter(|a| a.objects.count > 0) {
        let n = &a.answers;
        println!(
            "  {}: {} objekt; {} / {} / {} / {} / {} / {}",
            a.name_sv,
            a.objects.count,
            n.uppfyllt,
            n.delvis_uppfyllt,
            n.ej_uppfyllt,
            n.ej_tillampligt,
            n.vet_ej,
            n.unanswered
        );
    }
    println!("Oftast ej uppfyllda krav:");
    for key in &r.top_unmet {
        if let Some(q) = r.requirements.iter().find(|q| &q.key == key) {
            println!("  {} {}: {} av {} objekt", q.key, q.title_sv, q.answers.unmet(), q.applies.count);
        }
    }
    println!("Försenade åtgärder: {}", r.overdue_actions.len());
    for a in &r.overdue_actions {
        println!("  {}: {} (förfallodag {}, {} dagar sen)", a.object_name, a.measure, a.due, a.days_late);
    }
}

fn print(o: &Overview) {
    let c = &o.coverage;
    println!("Objekt: {} ({} fastställda, {} utkast)", o.objects, c.approved.count, c.drafts.count);
    println!("  aldrig fastställda: {}; utkast äldre än 90 dagar: {}", c.never_approved.count, c.old_drafts.count);
    if c.from_isak.count > 0 {
        println!("  från ISAK: {} (S ännu inte bedömd: {})", c.from_isak.count, c.from_isak_without_s.count);
    }
    for g in &c.by_unit {
        let name = if g.name.is_empty() { "(ingen enhet)" } else { &g.name };
        println!("  {name}: {} ({} fastställda, {} utkast)", g.total.count, g.approved.count, g.drafts.count);
    }
    println!("\nNivåer (antal objekt per nivå 0–4, ej bedömd)");
    for a in Aspect::ALL {
        let counts: Vec<String> = o.levels.levels.get(a).iter().map(|f| f.count.to_string()).collect();
        println!("  {}: {}  ej bedömd {}", a.code(), counts.join(" "), o.levels.not_assessed.get(a).count);
    }
    println!("  nivå 4 (säkerhetsskydd): {}", o.levels.level4.count);
    let r = &o.reviews;
    println!(
        "\nÖversyn: {} försenade, {} inom 30 dagar, {} inom 90 dagar, {} utan datum",
        r.overdue.count, r.within_30.count, r.within_90.count, r.no_date.count
    );
    let k = &o.risks;
    println!(
        "Riskanalys: {} utan, {} nivå 3+ utan fastställd, {} utkast, {} äldre än klassningen",
        k.without_analysis.count,
        k.high_without_approved.count,
        k.draft_analysis.count,
        k.older_than_classification.count
    );
    println!("Objekt med försenade åtgärder: {}", o.overdue_actions.count);
    println!("\nKvalitetskontroll: {} fynd", o.findings.len());
    for f in &o.findings {
        let place = if f.sets.is_empty() { String::new() } else { format!(" ({})", f.sets.join(", ")) };
        println!("  {}: {}{place}", f.object_name, finding_sv(f.code, f.count));
    }
}

fn finding_sv(code: FindingCode, n: u32) -> String {
    match code {
        FindingCode::LevelWithoutMotivation => format!("{n} nivå(er) utan motivering"),
        FindingCode::AspectNotAssessed => format!("{n} aspekt(er) inte bedömda"),
        FindingCode::NoInformationOwner => "ingen informationsägare".into(),
        FindingCode::LagrumUnanswered => format!("{n} lagrum med förslag som inte besvarats"),
        FindingCode::OlderScale => "klassad med en äldre version av skalan".into(),
        FindingCode::OlderCatalog => "fastställd mot en äldre kravkatalog".into(),
        FindingCode::SetWithoutInfoType => format!("{n} informationsmängd(er) utan informationstyp"),
        FindingCode::ReviewOverdue => format!("översynen är {n} dagar försenad"),
        FindingCode::RiskAnalysisOlder => "riskanalysen är äldre än klassningen".into(),
    }
}
