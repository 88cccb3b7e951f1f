// A line-based reader for the TOML the threat export writes (core ThreatCatalog::to_toml):
// `id` and `version` at the top, then `[[origins]]` and `[[threats]]` tables whose lines are
// `name = "text"`, `name = 'text'`, `name = true|false` or `aspects = ["K", "R"]`. Anything
// else, a missing or unknown field, or a threat the backend would refuse throws an Error whose
// message says why (the backend's THREAT_FILE_INVALID).
import type { Aspect } from '../bindings/Aspect';
import type { Threat } from '../bindings/Threat';
import type { ThreatOrigin } from '../bindings/ThreatOrigin';
import { ASPECTS } from '../domain';

export type ThreatFile = { id: string; version: string; origins: ThreatOrigin[]; threats: Threat[] };
type Value = string | boolean | string[];
type Table = { line: number; fields: Map<string, Value> };

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** The value at the start of `s` and what follows it. */
function readValue(s: string): [Value, string] {
  if (s.startsWith("'")) {
    const end = s.indexOf("'", 1);
    if (end < 0) throw new Error('unterminated string');
    return [s.slice(1, end), s.slice(end + 1)];
  }
  if (s.startsWith('"')) {
    let out = '';
    for (let i = 1; i < s.length; i++) {
      const c = s[i];
      if (c === '"') return [out, s.slice(i + 1)];
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = s[++i];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
        out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (e in ESCAPES) out += ESCAPES[e];
      else throw new Error(`invalid escape \\${e ?? ''}`);
    }
    throw new Error('unterminated string');
  }
  const bool = /^(true|false)\b/.exec(s);
  if (bool) return [bool[1] === 'true', s.slice(bool[1].length)];
  if (s.startsWith('[')) {
    const items: string[] = [];
    let rest = s.slice(1).trimStart();
    while (!rest.startsWith(']')) {
      const [item, after] = readValue(rest);
      if (typeof item !== 'string') throw new Error('an array may only hold strings');
      items.push(item);
      rest = after.trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
      else if (!rest.startsWith(']')) throw new Error('expected , or ] in the array');
    }
    return [items, rest.slice(1)];
  }
  throw new Error('expected a value ("text", true, false or [...])');
}

/** The tables of the file: the top (index 0) and each [[origins]] / [[threats]] in order. */
function readTables(text: string): { top: Table; origins: Table[]; threats: Table[] } {
  const top: Table = { line: 1, fields: new Map() };
  const lists = { origins: [] as Table[], threats: [] as Table[] };
  let current = top;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const at = (why: string) => new Error(`line ${i + 1}: ${why}`);
    if (line === '' || line.startsWith('#')) return;
    const header = /^\[\[\s*(origins|threats)\s*\]\]\s*(#.*)?$/.exec(line);
    if (header) {
      current = { line: i + 1, fields: new Map() };
      lists[header[1] as 'origins' | 'threats'].push(current);
      return;
    }
    if (line.startsWith('[')) throw at(`unknown table ${line}`);
    const kv = /^([A-Za-z0-9_-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) throw at('expected `name = value`');
    if (current.fields.has(kv[1])) throw at(`duplicate key \`${kv[1]}\``);
    try {
      const [value, rest] = readValue(kv[2]);
      if (rest.trim() !== '' && !rest.trim().startsWith('#')) throw new Error('unexpected text after the value');
      current.fields.set(kv[1], value);
    } catch (e) {
      throw at((e as Error).message);
    }
  });
  return { top, ...lists };
}

/**
 * The table's fields: `texts` must be there as strings; `others` are allowed too (with a
 * default unless undefined) and checked by the caller. Unknown fields are refused.
 */
function fieldsOf(table: Table, what: string, texts: string[], others: Record<string, Value | undefined> = {}) {
  const out: Record<string, Value | undefined> = { ...others };
  for (const [name, value] of table.fields) {
    if (!texts.includes(name) && !(name in others)) throw new Error(`${what} (line ${table.line}): unknown field \`${name}\``);
    out[name] = value;
  }
  for (const name of texts) {
    if (!(name in out)) throw new Error(`${what} (line ${table.line}): missing field \`${name}\``);
    if (typeof out[name] !== 'string') throw new Error(`${what} (line ${table.line}): \`${name}\` must be text`);
  }
  return out;
}

const ORIGIN_FIELDS = ['key', 'name_sv', 'name_en'];
const THREAT_FIELDS = ['key', 'origin', 'name_sv', 'name_en', 'description_sv', 'cause_sv', 'consequence_sv'];

function toThreat(table: Table): Threat {
  const f = fieldsOf(table, 'threat', THREAT_FIELDS, { aspects: undefined, retired: false });
  const where = `threat ${String(f.key)} (line ${table.line})`;
  if (!Array.isArray(f.aspects)) throw new Error(`${where}: missing field \`aspects\``);
  const bad = f.aspects.find((a) => !ASPECTS.includes(a as Aspect));
  if (bad !== undefined) throw new Error(`${where}: unknown aspect "${bad}", expected K, R, T or S`);
  if (typeof f.retired !== 'boolean') throw new Error(`${where}: \`retired\` must be true or false`);
  const [key, origin, name_sv, name_en, description_sv, cause_sv, consequence_sv] = THREAT_FIELDS.map((n) => f[n] as string);
  return { key, origin, name_sv, name_en, description_sv, cause_sv, consequence_sv, aspects: f.aspects as Aspect[], retired: f.retired };
}

/** core Threat::check: the first rule the threat breaks, with the backend's code. */
export function threatProblem(th: Threat, origins: ThreatOrigin[]): { code: string; message: string } | null {
  if (!/^[A-Z0-9-]{1,20}$/.test(th.key)) {
    return { code: 'THREAT_KEY_INVALID', message: `the threat key "${th.key}" is not 1–20 characters A–Z, 0–9 or -` };
  }
  if (!origins.some((o) => o.key === th.origin)) {
    return { code: 'THREAT_ORIGIN_UNKNOWN', message: `threat ${th.key} has the unknown origin "${th.origin}"` };
  }
  if (!th.name_sv.trim()) return { code: 'THREAT_NAME_MISSING', message: `threat ${th.key} has no Swedish name` };
  if (th.aspects.length === 0) return { code: 'THREAT_ASPECTS_MISSING', message: `threat ${th.key} names no aspect (K, R, T or S)` };
  return null;
}

export function parseThreatToml(text: string): ThreatFile {
  const tables = readTables(text);
  const top = fieldsOf(tables.top, 'the file', ['id', 'version']);
  const origins = tables.origins.map((o) => {
    const f = fieldsOf(o, 'origin', ORIGIN_FIELDS);
    return { key: f.key as string, name_sv: f.name_sv as string, name_en: f.name_en as string };
  });
  const threats = tables.threats.map(toThreat);
  const seen = new Set<string>();
  for (const th of threats) {
    if (seen.has(th.key.toLowerCase())) throw new Error(`the threat key ${th.key} is used twice`);
    seen.add(th.key.toLowerCase());
    const problem = threatProblem(th, origins);
    if (problem) throw new Error(problem.message);
  }
  return { id: top.id as string, version: top.version as string, origins, threats };
}
