use infoklass_core::object_list::{RiskStatus, SortColumn};
use infoklass_core::{Aspect, Levels, ObjectKind, Status};
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
    /// A lowest level per aspect, e.g. `--min K3 --min T2` (not assessed never meets one).
    #[arg(long, value_parser = parse_min)]
    min: Vec<(Aspect, u8)>,
    /// Same as `--min K<n>`.
    #[arg(long, value_name = "N")]
    min_k: Option<u8>,
    #[arg(long, value_name = "N")]
    min_r: Option<u8>,
    #[arg(long, value_name = "N")]
    min_t: Option<u8>,
    #[arg(long, value_name = "N")]
    min_s: Option<u8>,
    /// The risk analysis: none, draft, approved or needs-review (older than the classification).
    #[arg(long, value_parser = parse_risk)]
    risk: Option<RiskStatus>,
    /// Only objects imported from ISAK workbooks.
    #[arg(long)]
    isak: bool,
    /// Only objects with actions not done.
    #[arg(long)]
    open_actions: bool,
    /// Only objects with actions past their due date.
    #[arg(long)]
    overdue_actions: bool,
    /// name, unit, profile, next-review or status (names in Swedish order break ties).
    #[arg(long, value_parser = parse_sort, default_value = "name")]
    sort: SortColumn,
    /// Reverse the sort column.
    #[arg(long)]
    desc: bool,
}

fn parse_min(s: &str) -> Result<(Aspect, u8), String> {
    let t = s.trim().replace(">=", "").replace('≥', "");
    let mut chars = t.chars();
    let aspect =
        chars.next().and_then(|c| Aspect::ALL.into_iter().find(|a| a.code().eq_ignore_ascii_case(&c.to_string())));
    match (aspect, chars.as_str().trim().parse::<u8>()) {
        (Some(a), Ok(n)) if n <= 4 => Ok((a, n)),
        _ => Err(format!("\"{s}\" is not an aspect and a level 0–4 (K3, R2, T1, S0)")),
    }
}

fn parse_risk(s: &str) -> Result<RiskStatus, String> {
    RiskStatus::parse(s).ok_or_else(|| format!("unknown risk status \"{s}\" (none, draft, approved, needs-review)"))
}

fn parse_sort(s: &str) -> Result<SortColumn, String> {
    SortColumn::parse(s).ok_or_else(|| format!("unknown column \"{s}\" (name, unit, profile, next-review, status)"))
}

fn parse_kind(s: &str) -> Result<ObjectKind, String> {
    ObjectKind::parse(s).ok_or_else(|| format!("unknown kind \"{s}\" (system, process, tjanst, informationsmangd)"))
}

fn parse_status(s: &str) -> Result<Status, String> {
    Status::parse(s).ok_or_else(|| format!("unknown status \"{s}\" (utkast, faststalld, ersatt)"))
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let mut min_levels = Levels { k: a.min_k, r: a.min_r, t: a.min_t, s: a.min_s };
    for (aspect, n) in &a.min {
        *min_levels.get_mut(*aspect) = Some(*n);
    }
    let filter = ObjectFilter {
        search: a.search,
        kind: a.kind,
        unit: a.unit,
        status: a.status,
        review_overdue: a.overdue,
        include_decommissioned: a.all,
        min_levels,
        risk: a.risk,
        from_isak: a.isak,
        open_actions: a.open_actions,
        overdue_actions: a.overdue_actions,
        sort: a.sort,
        descending: a.desc,
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
