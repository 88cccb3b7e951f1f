// The backend's list_sync.rs for the mock: make a list match a file. New entries are added,
// changed ones replaced, entries missing from the file retired (never deleted); the file's
// order first, then what only the list has.
import type { ListImport } from '../bindings/ListImport';

type Entry = { key: string; retired: boolean };

export function syncList<T extends Entry>(current: T[], file: T[], same: (a: T, b: T) => boolean): { report: ListImport; next: T[] } {
  const report: ListImport = { created: [], updated: [], unchanged: 0, retired: [] };
  const byKey = new Map(current.map((e) => [e.key, structuredClone(e)]));
  for (const e of file) {
    const old = byKey.get(e.key);
    if (!old) report.created.push(e.key);
    else if (!same(old, e)) report.updated.push(e.key);
    else report.unchanged += 1;
    byKey.set(e.key, structuredClone(e));
  }
  const inFile = new Set(file.map((e) => e.key));
  for (const old of current.filter((e) => !e.retired && !inFile.has(e.key))) {
    byKey.get(old.key)!.retired = true;
    report.retired.push(old.key);
  }
  const order = [...new Set([...file.map((e) => e.key), ...current.map((e) => e.key)])];
  return { report, next: order.map((k) => byKey.get(k)!) };
}
