//! `infoklass db copy`: moving the objects of SQLite files into another database (the
//! organisation's, or another file), row by row with their ids, versions, approvals,
//! snapshots, answers, actions, risks, imports and history. An object already there (same id)
//! is reported and left alone; the catalogue, scale and matrix versions the copied rows name
//! come along when the target lacks them (an older catalogue never becomes the active one).
//! All of one file is copied in one transaction; a dry run does the same and undoes it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::sql::{from_ref, Connection, Value};
use crate::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyReport {
    pub dry_run: bool,
    pub copied: Vec<CopiedObject>,
    /// Objects the target has already (same id): not copied, not changed.
    pub already_there: Vec<CopiedObject>,
    /// Rows written per table.
    pub rows: BTreeMap<String, usize>,
    /// Dependencies on objects that are in neither the file nor the target.
    pub dependencies_left_out: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopiedObject {
    pub id: String,
    pub name: String,
}

/// The object's tables in the order their references need, each with the rows that belong to
/// the copied objects (`?1` is the JSON list of their ids).
const OBJECT_ROWS: &[(&str, &str)] = &[
    ("objects", "id IN (SELECT value FROM json_each(?1))"),
    ("classifications", "object_id IN (SELECT value FROM json_each(?1))"),
    (
        "information_sets",
        "classification_id IN (SELECT id FROM classifications WHERE object_id IN (SELECT value FROM json_each(?1)))",
    ),
    ("assessments", "object_id IN (SELECT value FROM json_each(?1))"),
    ("actions", "object_id IN (SELECT value FROM json_each(?1))"),
    ("answer_handovers", "object_id IN (SELECT value FROM json_each(?1))"),
    ("risk_analyses", "object_id IN (SELECT value FROM json_each(?1))"),
    ("risks", "analysis_id IN (SELECT id FROM risk_analyses WHERE object_id IN (SELECT value FROM json_each(?1)))"),
    ("imports", "object_id IN (SELECT value FROM json_each(?1))"),
    ("legacy_requirements", "object_id IN (SELECT value FROM json_each(?1))"),
];

impl Store {
    /// Copies the objects of `source` (an SQLite file) into this database.
    pub fn copy_from(&mut self, source: &Store, dry_run: bool) -> Result<CopyReport> {
        let src = source.conn.as_sqlite()?;
        let mut report = CopyReport {
            dry_run,
            copied: Vec::new(),
            already_there: Vec::new(),
            rows: BTreeMap::new(),
            dependencies_left_out: 0,
        };
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        let mut stmt = src.prepare("SELECT id, name FROM objects ORDER BY name, id")?;
        let objects = stmt.query_map([], |r| Ok(CopiedObject { id: r.get(0)?, name: r.get(1)? }))?;
        for object in objects {
            let object = object?;
            if has_object(&tx, &object.id)? {
                report.already_there.push(object);
            } else {
                report.copied.push(object);
            }
        }
        let ids = crate::portfolio::json_ids(&report.copied.iter().map(|o| o.id.clone()).collect::<Vec<_>>())?;
        copy_missing_reference_data(src, &tx, &mut report)?;
        let mut frozen = Vec::new();
        for (table, filter) in OBJECT_ROWS {
            let (columns, rows) = read_rows(src, table, filter, &ids)?;
            let mut n = 0;
            for row in rows {
                n += match *table {
                    "classifications" => insert_classification(&tx, &columns, row, &mut frozen)?,
                    _ => insert_row(&tx, table, &columns, row)?,
                };
            }
            report.rows.insert((*table).to_string(), n);
            if *table == "information_sets" {
                for (id, status, snapshot) in frozen.drain(..) {
                    tx.execute(
                        "UPDATE classifications SET status = ?2, snapshot = ?3 WHERE id = ?1",
                        vec![id, status, snapshot],
                    )?;
                }
            }
        }
        copy_dependencies(src, &tx, &ids, &mut report)?;
        let history = copy_rows(src, &tx, "audit", "object_id IN (SELECT value FROM json_each(?1)) ORDER BY id", &ids)?;
        report.rows.insert("audit".to_string(), history);
        if !dry_run {
            tx.commit()?;
        }
        Ok(report)
    }
}

/// The scale, matrix and catalogue versions the file's rows were made under.
fn copy_missing_reference_data(src: &rusqlite::Connection, to: &Connection, report: &mut CopyReport) -> Result<()> {
    for table in ["scales", "risk_matrices"] {
        let n = copy_rows(src, to, table, "1 = 1", "[]")?;
        report.rows.insert(table.to_string(), n);
    }
    // An older catalogue goes before every one the target has, so it never becomes active.
    let (columns, rows) = read_rows(src, "catalogs", "1 = 1", "[]")?;
    let seq_at = columns.iter().position(|c| c == "seq");
    let mut n = 0;
    for mut row in rows {
        let first: i64 = to.query_row("SELECT COALESCE(MIN(seq), 1) - 1 FROM catalogs", [], |r| r.get(0))?;
        if let Some(i) = seq_at {
            row[i] = Value::Int(first);
        }
        n += insert_row(to, "catalogs", &columns, row)?;
    }
    report.rows.insert("catalogs".to_string(), n);
    Ok(())
}

fn copy_dependencies(src: &rusqlite::Connection, to: &Connection, ids: &str, report: &mut CopyReport) -> Result<()> {
    for (table, other) in [("dependencies", "depends_on_id"), ("dependency_decisions", "from_object_id")] {
        let (columns, rows) = read_rows(src, table, "object_id IN (SELECT value FROM json_each(?1))", ids)?;
        let at = columns.iter().position(|c| c == other).expect("the table names the other object");
        let mut n = 0;
        for row in rows {
            let Value::Text(target) = &row[at] else { continue };
            if !has_object(to, target)? {
                report.dependencies_left_out += usize::from(table == "dependencies");
                continue;
            }
            n += insert_row(to, table, &columns, row)?;
        }
        report.rows.insert(table.to_string(), n);
    }
    Ok(())
}

fn has_object(to: &Connection, id: &str) -> Result<bool> {
    Ok(to.prepare_cached("SELECT 1 FROM objects WHERE id = ?1")?.exists([id])?)
}

fn read_rows(
    src: &rusqlite::Connection,
    table: &str,
    filter: &str,
    ids: &str,
) -> Result<(Vec<String>, Vec<Vec<Value>>)> {
    let mut stmt = src.prepare(&format!("SELECT * FROM {table} WHERE {filter}"))?;
    let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let takes_ids = filter.contains("?1");
    let mut rows = if takes_ids { stmt.query([ids])? } else { stmt.query([])? };
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let row = (0..columns.len()).map(|i| from_ref(r.get_ref(i)?)).collect::<crate::sql::Result<Vec<_>>>()?;
        out.push(row);
    }
    Ok((columns, out))
}

fn copy_rows(src: &rusqlite::Connection, to: &Connection, table: &str, filter: &str, ids: &str) -> Result<usize> {
    let (columns, rows) = read_rows(src, table, filter, ids)?;
    let mut n = 0;
    for row in rows {
        n += insert_row(to, table, &columns, row)?;
    }
    Ok(n)
}

/// Inserts one row; a row whose key the target has already is skipped (shared reference data).
/// The history's id is the target's own, so entries from several files keep their order.
fn insert_row(to: &Connection, table: &str, columns: &[String], row: Vec<Value>) -> Result<usize> {
    let (names, values): (Vec<&String>, Vec<Value>) =
        columns.iter().zip(row).filter(|(c, _)| !(table == "audit" && c.as_str() == "id")).unzip();
    let list = names.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ");
    let marks = (1..=names.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let conflict = if table == "audit" { "" } else { " ON CONFLICT DO NOTHING" };
    let sql = format!("INSERT INTO {table} ({list}) VALUES ({marks}){conflict}");
    Ok(to.execute(&sql, values)?)
}

/// An approved classification is frozen, and so are its sets: it goes in as a draft, gets
/// its sets (copied next), and then takes its status and snapshot from `frozen`.
fn insert_classification(
    to: &Connection,
    columns: &[String],
    mut row: Vec<Value>,
    frozen: &mut Vec<(Value, Value, Value)>,
) -> Result<usize> {
    let at = |name: &str| columns.iter().position(|c| c == name);
    let (Some(id_at), Some(status_at), Some(snapshot_at)) = (at("id"), at("status"), at("snapshot")) else {
        return Err(StoreError::InvalidInput("the file's classifications lack their columns".into()));
    };
    let status = std::mem::replace(&mut row[status_at], Value::Text("utkast".into()));
    let snapshot = std::mem::replace(&mut row[snapshot_at], Value::Null);
    let id = row[id_at].clone();
    let n = insert_row(to, "classifications", columns, row)?;
    if n > 0 {
        frozen.push((id, status, snapshot));
    }
    Ok(n)
}
