// The threat export read back (core ThreatCatalog::to_toml): `id` and `version` at the top,
// then `[[origins]]` and `[[threats]]`. A missing or unknown field, or a threat the backend would
// refuse, throws an Error whose message says why (the backend's THREAT_FILE_INVALID).
import type { Aspect } from '../bindings/Aspect';
import type { Threat } from '../bindings/Threat';
import type { ThreatOrigin } from '../bindings/ThreatOrigin';
import { ASPECTS } from '../domain';
import { fieldsOf, readTables, type Table } from './toml-lite';

export type ThreatFile = { id: string; version: string; origins: ThreatOrigin[]; threats: Threat[] };

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
  const { top: head, lists } = readTables(text, ['origins', 'threats']);
  const top = fieldsOf(head, 'the file', ['id', 'version']);
  const origins = lists.origins.map((o) => {
    const f = fieldsOf(o, 'origin', ORIGIN_FIELDS);
    return { key: f.key as string, name_sv: f.name_sv as string, name_en: f.name_en as string };
  });
  const threats = lists.threats.map(toThreat);
  const seen = new Set<string>();
  for (const th of threats) {
    if (seen.has(th.key.toLowerCase())) throw new Error(`the threat key ${th.key} is used twice`);
    seen.add(th.key.toLowerCase());
    const problem = threatProblem(th, origins);
    if (problem) throw new Error(problem.message);
  }
  return { id: top.id as string, version: top.version as string, origins, threats };
}
