//! Making a stored list the organisation edits (threats, information types) match a file:
//! which entries are new, changed, unchanged or missing from the file (those are retired,
//! never deleted), and the order to keep: the file's first, then what only the database has.

pub(crate) trait Listed: Clone + PartialEq {
    fn key(&self) -> &str;
    fn retired(&self) -> bool;
    fn with_retired(&self, retired: bool) -> Self;
}

pub(crate) struct Plan<T> {
    pub create: Vec<T>,
    /// (old, new)
    pub update: Vec<(T, T)>,
    /// (old, new): in the database and in use, missing from the file.
    pub retire: Vec<(T, T)>,
    pub unchanged: u32,
    pub order: Vec<String>,
}

impl<T: Listed> Plan<T> {
    /// What the plan does, by key.
    pub fn report(&self) -> crate::dto::ListImport {
        let keys = |v: Vec<&T>| v.into_iter().map(|t| t.key().to_string()).collect();
        crate::dto::ListImport {
            created: keys(self.create.iter().collect()),
            updated: keys(self.update.iter().map(|(_, n)| n).collect()),
            unchanged: self.unchanged,
            retired: keys(self.retire.iter().map(|(_, n)| n).collect()),
        }
    }
}

pub(crate) fn plan<T: Listed>(before: &[T], file: &[T]) -> Plan<T> {
    let mut p = Plan { create: Vec::new(), update: Vec::new(), retire: Vec::new(), unchanged: 0, order: Vec::new() };
    // Keys looked up through sets: a search per entry is quadratic in long lists.
    let by_key: std::collections::HashMap<&str, &T> = before.iter().rev().map(|b| (b.key(), b)).collect();
    let in_file: std::collections::HashSet<&str> = file.iter().map(|t| t.key()).collect();
    for t in file {
        match by_key.get(t.key()).copied() {
            None => p.create.push(t.clone()),
            Some(old) if old != t => p.update.push((old.clone(), t.clone())),
            Some(_) => p.unchanged += 1,
        }
    }
    for old in before.iter().filter(|b| !b.retired() && !in_file.contains(b.key())) {
        p.retire.push((old.clone(), old.with_retired(true)));
    }
    let mut seen = std::collections::HashSet::new();
    p.order = file.iter().chain(before).map(|t| t.key().to_string()).filter(|k| seen.insert(k.clone())).collect();
    p
}

type Write<T> = fn(&crate::sql::Connection, &T) -> crate::error::Result<()>;
/// An insert at a given position, or (None) after the last entry.
type Insert<T> = fn(&crate::sql::Connection, &T, Option<i64>) -> crate::error::Result<()>;

/// How one list is written: its audit entity, its table (one of ours, never input) and its own
/// insert and update.
pub(crate) struct Writer<T> {
    pub entity: &'static str,
    pub table: &'static str,
    pub insert: Insert<T>,
    pub update: Write<T>,
}

impl<T: Listed + serde::Serialize> Writer<T> {
    /// One entry: inserted when it is new, updated when it changed (audited as `action`),
    /// left alone when it did not.
    pub fn write(
        &self,
        tx: &crate::sql::Connection,
        ctx: &crate::Ctx,
        old: Option<&T>,
        new: &T,
        action: &str,
    ) -> crate::error::Result<()> {
        self.write_at(tx, ctx, old, new, action, None)
    }

    fn write_at(
        &self,
        tx: &crate::sql::Connection,
        ctx: &crate::Ctx,
        old: Option<&T>,
        new: &T,
        action: &str,
        position: Option<i64>,
    ) -> crate::error::Result<()> {
        use crate::audit::{record, Entry};
        let entry = |action| Entry { action, entity: self.entity, entity_id: new.key(), object_id: "" };
        match old {
            None => {
                (self.insert)(tx, new, position)?;
                record(tx, ctx, entry("create"), None::<&T>, Some(new))
            }
            Some(old) if old != new => {
                (self.update)(tx, new)?;
                record(tx, ctx, entry(action), Some(old), Some(new))
            }
            Some(_) => Ok(()),
        }
    }

    /// A whole plan, with an audit entry per change, then the order.
    pub fn apply(&self, tx: &crate::sql::Connection, ctx: &crate::Ctx, plan: &Plan<T>) -> crate::error::Result<()> {
        // The order is written below; a fixed position here spares each insert a scan for the
        // highest one (the column has no index), which made long lists quadratic.
        for t in &plan.create {
            self.write_at(tx, ctx, None, t, "create", Some(0))?;
        }
        for (action, changes) in [("update", &plan.update), ("retire", &plan.retire)] {
            for (old, t) in changes {
                self.write(tx, ctx, Some(old), t, action)?;
            }
        }
        let sql = format!("UPDATE {} SET position = ?2 WHERE key = ?1", self.table);
        for (i, key) in plan.order.iter().enumerate() {
            tx.execute(&sql, crate::sql::params![key, i as i64])?;
        }
        Ok(())
    }
}
