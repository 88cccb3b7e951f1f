// The mock's threat catalogue with the backend's rules (crates/store/src/threats.rs): threats
// are added (next HOT-number), changed, retired or restored, never deleted; importing a file
// makes the catalogue match it (file order kept, threats missing from it retired).
import type { ExportResult } from '../bindings/ExportResult';
import type { Threat } from '../bindings/Threat';
import type { ListImport } from '../bindings/ListImport';
import type { ThreatInput } from '../bindings/ThreatInput';
import type { ThreatList } from '../bindings/ThreatList';
import type { ThreatOrigin } from '../bindings/ThreatOrigin';
import { ASPECTS } from '../domain';
import { fail } from './db';
import { ORIGINS, THREATS } from './risk-data';
import { syncList } from './list-sync';
import { parseThreatToml, threatProblem, type ThreatFile } from './threat-toml';
import { fileText } from './toml-lite';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const FIELDS: (keyof Threat)[] = ['key', 'origin', 'name_sv', 'name_en', 'description_sv', 'cause_sv', 'consequence_sv', 'aspects', 'retired'];
const same = (a: Threat, b: Threat) => FIELDS.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]));

/** core next_threat_key: one more than the highest HOT-number, at least two digits. */
function nextKey(threats: Threat[]): string {
  const numbers = threats.map((th) => /^HOT-(\d+)$/.exec(th.key)).map((m) => (m ? Number(m[1]) : 0));
  return `HOT-${String(Math.max(0, ...numbers) + 1).padStart(2, '0')}`;
}

function checked(th: Threat, origins: ThreatOrigin[]): Threat {
  const problem = threatProblem(th, origins);
  return problem ? fail(problem.code, `the threat cannot be saved: ${problem.message}`) : th;
}

function readFile(fileName: string, base64: string): ThreatFile {
  const text = fileText(fileName, base64, 'THREAT_FILE_INVALID', fail);
  try {
    return parseThreatToml(text);
  } catch (e) {
    return fail('THREAT_FILE_INVALID', `${fileName}: ${(e as Error).message}`);
  }
}

export class MockThreats {
  origins: ThreatOrigin[] = copy(ORIGINS);
  threats: Threat[] = THREATS.map(copy);

  /** `usage` counts the risks made from each threat (by key), over all analyses. */
  constructor(private readonly today: string, private readonly usage: () => Map<string, number>) {}

  private find(key: string): Threat {
    return this.threats.find((th) => th.key === key) ?? fail('NOT_FOUND', `not found: threat ${key}`, { name: key });
  }

  list(): ThreatList {
    const used = this.usage();
    return { origins: copy(this.origins), threats: this.threats.map((th) => ({ threat: copy(th), used_in: used.get(th.key) ?? 0 })) };
  }

  save(input: ThreatInput): Threat {
    const key = input.key?.trim() || null;
    const old = key ? this.find(key) : null;
    const th: Threat = checked(
      {
        key: old?.key ?? nextKey(this.threats), origin: input.origin.trim(), name_sv: input.name_sv.trim(), name_en: input.name_en.trim(),
        description_sv: input.description_sv.trim(), cause_sv: input.cause_sv.trim(), consequence_sv: input.consequence_sv.trim(),
        aspects: ASPECTS.filter((a) => input.aspects.includes(a)), retired: old?.retired ?? false,
      },
      this.origins,
    );
    if (old) Object.assign(old, th);
    else this.threats.push(th);
    return copy(th);
  }

  setRetired(key: string, retired: boolean): Threat {
    const th = this.find(key);
    th.retired = retired;
    return copy(th);
  }

  export(): ExportResult {
    return { path: `~/Hämtningar/Hotkatalog ${this.today}.toml`, bytes: 1_200 + 600 * this.threats.length };
  }

  previewImport(fileName: string, base64: string): ListImport {
    return this.apply(readFile(fileName, base64), true);
  }

  importFile(fileName: string, base64: string): ListImport {
    return this.apply(readFile(fileName, base64), false);
  }

  private apply(file: ThreatFile, dryRun: boolean): ListImport {
    const fileOrigins = new Set(file.origins.map((o) => o.key));
    const origins = [...copy(file.origins), ...this.origins.filter((o) => !fileOrigins.has(o.key))];
    file.threats.forEach((th) => checked(th, origins));
    const { report, next } = syncList(this.threats, file.threats, same);
    if (!dryRun) {
      this.origins = origins;
      this.threats = next;
    }
    return report;
  }
}
