// The mock's information types with the backend's rules (crates/store/src/info_types.rs):
// types are added (key from the Swedish name), changed, retired or restored, never deleted;
// importing a file makes the list match it.
import type { ExportResult } from '../bindings/ExportResult';
import type { InfoType } from '../bindings/InfoType';
import type { InfoTypeEntry } from '../bindings/InfoTypeEntry';
import type { InfoTypeInput } from '../bindings/InfoTypeInput';
import type { ListImport } from '../bindings/ListImport';
import { ASPECTS } from '../domain';
import { fail, type MockDb } from './db';
import shipped from './info-types.json';
import { syncList } from './list-sync';
import { fieldsOf, fileText, readTables } from './toml-lite';

const MAX_LEVEL = 4;
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const same = (a: InfoType, b: InfoType) => JSON.stringify(a) === JSON.stringify(b);

/** core InfoType::check: the first rule the type breaks, with the backend's code. */
function problem(t: InfoType): { code: string; message: string } | null {
  if (!/^[a-z0-9-]{1,40}$/.test(t.key)) return { code: 'INFO_TYPE_KEY_INVALID', message: `the key "${t.key}" is not 1–40 characters a–z, 0–9 or -` };
  if (!t.name_sv.trim()) return { code: 'INFO_TYPE_NAME_MISSING', message: `information type ${t.key} has no Swedish name` };
  const high = ASPECTS.find((a) => !(Number.isInteger(t.levels[a]) && t.levels[a] >= 0 && t.levels[a] <= MAX_LEVEL));
  if (high) return { code: 'INFO_TYPE_LEVEL_INVALID', message: `information type ${t.key}: ${high}${t.levels[high]} is above ${MAX_LEVEL}` };
  return null;
}

function checked(t: InfoType): InfoType {
  const p = problem(t);
  return p ? fail(p.code, `the information type cannot be saved: ${p.message}`) : t;
}

/** core info_type_key: the Swedish name folded to a–z, 0–9 and hyphens, numbered when taken. */
function keyFor(name: string, taken: string[]): string {
  const folded = name.toLowerCase().replace(/[åäáà]/g, 'a').replace(/[öóø]/g, 'o').replace(/[éèë]/g, 'e').replace(/ü/g, 'u');
  const base = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 34).replace(/-+$/, '') || 'typ';
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

function parse(fileName: string, base64: string): InfoType[] {
  const text = fileText(fileName, base64, 'INFO_TYPE_FILE_INVALID', fail);
  try {
    const { top, lists } = readTables(text, ['types']);
    fieldsOf(top, 'the file', [], { version: '' });
    const types = lists.types.map((table) => {
      const f = fieldsOf(table, 'type', ['key', 'name_sv', 'name_en'], { description_sv: '', levels: undefined, retired: false });
      const levels = f.levels as Record<string, number> | undefined;
      if (!levels || typeof levels !== 'object' || ASPECTS.some((a) => typeof levels[a] !== 'number')) {
        throw new Error(`type ${String(f.key)} (line ${table.line}): \`levels\` needs K, R, T and S`);
      }
      const t: InfoType = {
        key: f.key as string, name_sv: f.name_sv as string, name_en: f.name_en as string, description_sv: String(f.description_sv),
        levels: { K: levels.K, R: levels.R, T: levels.T, S: levels.S }, retired: f.retired === true,
      };
      const p = problem(t);
      if (p) throw new Error(p.message);
      return t;
    });
    const keys = types.map((t) => t.key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) throw new Error(`the key ${twice} is used twice`);
    return types;
  } catch (e) {
    return fail('INFO_TYPE_FILE_INVALID', `${fileName}: ${(e as Error).message}`);
  }
}

export class MockInfoTypes {
  types: InfoType[] = (shipped as Omit<InfoType, 'retired'>[]).map((t) => ({ ...copy(t), retired: false }));

  constructor(private readonly db: MockDb, private readonly today: string) {}

  private find(key: string): InfoType {
    return this.types.find((t) => t.key === key) ?? fail('NOT_FOUND', `not found: information type ${key}`, { name: key });
  }

  list(): InfoType[] {
    return copy(this.types);
  }

  /** Objects with a set of the type, in any version. */
  entries(): InfoTypeEntry[] {
    const used = new Map<string, number>();
    for (const o of this.db.objects.values()) {
      const keys = new Set(o.classifications.flatMap((c) => c.content.sets.map((s) => s.info_type).filter((k): k is string => !!k)));
      keys.forEach((k) => used.set(k, (used.get(k) ?? 0) + 1));
    }
    return this.types.map((t) => ({ info_type: copy(t), used_in: used.get(t.key) ?? 0 }));
  }

  save(input: InfoTypeInput): InfoType {
    const key = input.key?.trim() || null;
    const old = key ? this.find(key) : null;
    const t = checked({
      key: old?.key ?? keyFor(input.name_sv.trim(), this.types.map((x) => x.key)),
      name_sv: input.name_sv.trim(), name_en: input.name_en.trim(), description_sv: input.description_sv.trim(),
      levels: { ...input.levels }, retired: old?.retired ?? false,
    });
    if (old) Object.assign(old, t);
    else this.types.push(t);
    return copy(t);
  }

  setRetired(key: string, retired: boolean): InfoType {
    const t = this.find(key);
    t.retired = retired;
    return copy(t);
  }

  export(): ExportResult {
    return { path: `~/Hämtningar/Informationstyper ${this.today}.toml`, bytes: 600 + 250 * this.types.length };
  }

  importFile(fileName: string, base64: string, dryRun: boolean): ListImport {
    const { report, next } = syncList(this.types, parse(fileName, base64), same);
    if (!dryRun) this.types = next;
    return report;
  }
}
