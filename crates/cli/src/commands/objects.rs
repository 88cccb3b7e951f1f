use infoklass_core::{ObjectKind, Status};
use infoklass_store::{Ctx, ObjectFilter, Store};

use crate::output::{print_json, status_sv};
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON (an ObjectList) instead of a table.
    #[arg(long)]
    json: bool,
    /// Words that must all occur in name, description, unit, owners, supplier or tags.
    #[arg(long)]
    search: Option<String>,
    /// system, process, tjanst or informationsmangd.
    #[arg(long, value_parser = parse_kind)]
    kind: Option<ObjectKind>,
    #[arg(long)]
    unit: Option<String>,
    /// utkast, faststalld or ersatt.
    #[arg(long, value_parser = parse_status)]
    status: Option<Status>,
    /// Only objects whose next review date has passed.
    #[arg(long)]
    overdue: bool,
    /// Also decommissioned (avvecklade) objects.
    #[arg(long)]
    all: bool,
}

fn parse_kind(s: &str) -> Result<ObjectKind, String> {
    ObjectKind::parse(s).ok_or_else(|| format!("unknown kind \"{s}\" (system, process, tjanst, informationsmangd)"))
}

fn parse_status(s: &str) -> Result<Status, String> {
    Status::parse(s).ok_or_else(|| format!("unknown status \"{s}\" (utkast, faststalld, ersatt)"))
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let filter = ObjectFilter {
        search: a.search,
        kind: a.kind,
        unit: a.unit,
        status: a.status,
        review_overdue: a.overdue,
        include_decommissioned: a.all,
    };
    let list = store.list_objects(&filter, &ctx.today)?;
    if a.json {
        return print_json(&list);
    }
    if list.items.is_empty() {
        println!("Inga objekt ({} totalt).", list.total);
        return Ok(());
    }
    let width = list.items.iter().map(|o| o.name.chars().count()).max().unwrap_or(4).max(4);
    println!("{:<width$}  {:<17}  {:<12}  {:<10}  ID", "Namn", "Profil", "Status", "Översyn");
    for o in &list.items {
        let review = o.next_review.clone().unwrap_or_default() + if o.review_overdue { "!" } else { "" };
        println!("{:<width$}  {:<17}  {:<12}  {:<10}  {}", o.name, o.profile, status_sv(o.status), review, o.id);
    }
    println!("{} av {} objekt", list.items.len(), list.total);
    Ok(())
}
