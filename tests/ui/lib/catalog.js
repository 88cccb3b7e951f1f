// Facts of the shipped catalogues, read from the files the app embeds (catalog/*.toml), so the
// flows check the real data. Only `key = "..."`-style string fields of the row tables are read.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CATALOG = resolve(dirname(fileURLToPath(import.meta.url)), '../../../catalog');

/** The rows of `[[table]]` in a catalogue file, each as its single-line string fields. */
function rows(file, table) {
  const text = readFileSync(resolve(CATALOG, file), 'utf8');
  return text
    .split(`[[${table}]]`)
    .slice(1)
    .map((block) => {
      const row = {};
      for (const m of block.split('\n[[')[0].matchAll(/^(\w+)\s*=\s*"(.*)"\s*$/gm)) row[m[1]] = m[2];
      return row;
    });
}

export const requirements = rows('requirements.toml', 'requirements');
export const threats = rows('threats.toml', 'threats');
export const infoTypes = rows('information-types.toml', 'types');
/** The scale's consequence criteria, six per level in level order, and the outage per T level. */
export const criteria = rows('scales/klassa4.toml', 'levels.criteria');
export const outage = rows('scales/klassa4.toml', 'outage');

export function requirement(key) {
  const row = requirements.find((r) => r.key === key);
  if (!row) throw new Error(`no requirement ${key} in catalog/requirements.toml`);
  return row;
}

export function threat(key) {
  const row = threats.find((r) => r.key === key);
  if (!row) throw new Error(`no threat ${key} in catalog/threats.toml`);
  return row;
}

/** Keys in catalogue order, for checking that a list keeps that order. */
export const requirementKeys = requirements.map((r) => r.key);
