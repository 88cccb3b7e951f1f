// The mock's workbook import and export. Real workbooks are not parsed here: a test file says
// what it contains as text.
//   ISAK:{"name":"Journal","sets":[{"name":"Patientdata","K":3,"R":"Hög","T":2}],"risks":2,
//         "requirements":5,"words":["hög"],"errors":["…"],"warnings":["…"],"leftovers":[…]}
//     an old ISAK workbook. Levels are ISAK numbers 1–4 (app level n − 1) or level names; any
//     other word (in a set or listed in "words") is unknown until mapped with save_import_word,
//     and is then a warning (LEVEL_UNKNOWN_WORD) like the real importer reports it.
//   INFOKLASS:{"object_id":"…","version":1,"changes":[{sheet,item,field,old,new}],"conflicts":[…],"errors":[…]}
//     an Infoklass workbook sent back; "version" is the classification it was exported from.
//   anything else: not a workbook (IMPORT_NOT_A_WORKBOOK).
// As in the app, importing the same ISAK file twice changes nothing the second time.
import type { ExportResult } from '../bindings/ExportResult';
import type { FileImport } from '../bindings/FileImport';
import type { ImportDiagnostic } from '../bindings/ImportDiagnostic';
import type { ImportRecord } from '../bindings/ImportRecord';
import type { InformationSet } from '../bindings/InformationSet';
import type { LegacyPlan } from '../bindings/LegacyPlan';
import type { LegacyRequirement } from '../bindings/LegacyRequirement';
import type { WorkbookChange } from '../bindings/WorkbookChange';
import type { WorkbookConflict } from '../bindings/WorkbookConflict';
import type { WorkbookPlan } from '../bindings/WorkbookPlan';
import { newId } from '../draft';
import { fail, type MockDb } from './db';

type Cell = number | string | null | undefined;
type IsakSet = { name: string; K?: Cell; R?: Cell; T?: Cell };
type Problem = string | { code?: string; sheet?: string; cell?: string; message: string };
type IsakFile = {
  name?: string; sets?: IsakSet[]; risks?: number; requirements?: number; words?: string[];
  errors?: Problem[]; warnings?: Problem[]; leftovers?: { sheet: string; cell: string; text: string }[];
};
type InfoklassFile = { object_id: string; version?: number; changes?: WorkbookChange[]; conflicts?: WorkbookConflict[]; errors?: Problem[] };

const LEVEL_NAMES = ['försumbar', 'måttlig', 'betydande', 'allvarlig', 'synnerligen allvarlig'];
const ASPECT_COLUMN: Record<'K' | 'R' | 'T', string> = { K: 'C', R: 'D', T: 'E' };
const word = (w: string) => w.trim().toLowerCase();

function decode(fileName: string, base64: string): string {
  try {
    const bin = atob(base64.trim());
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return fail('FILE_ERROR', `${fileName} could not be read: invalid base64`);
  }
}

/** A stand-in for SHA-256: 64 hex digits that differ when the content does. */
function hash(text: string): string {
  return [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c]
    .map((seed) => {
      let h = seed >>> 0;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    })
    .join('');
}

function diagnostic(severity: string, p: Problem, code = 'CELL_INVALID'): ImportDiagnostic {
  const d = typeof p === 'string' ? { message: p } : p;
  return {
    severity, code: d.code ?? code, sheet: d.sheet ?? 'Klassning', cell: d.cell ?? null, message_sv: d.message, message_en: d.message,
  };
}

function failure(code: string, sv: string, en: string): ImportDiagnostic {
  return { severity: 'error', code, sheet: null, cell: null, message_sv: sv, message_en: en };
}

export class MockImports {
  private words = new Map<string, number>();
  private records: (ImportRecord & { seq: number })[] = [];
  private legacy = new Map<string, LegacyRequirement[]>();

  constructor(private db: MockDb) {}

  exportWorkbook(id: string): ExportResult {
    const o = this.db.objects.get(id) ?? fail('NOT_FOUND', `no object ${id}`);
    return { path: `~/Hämtningar/Informationsklassning ${o.meta.name}.xlsx`, bytes: 24_576 };
  }

  exportPortfolio(ids: string[]): ExportResult {
    ids.forEach((id) => this.db.objects.get(id) ?? fail('NOT_FOUND', `no object ${id}`));
    return { path: `~/Hämtningar/Portfölj ${this.db.today}.xlsx`, bytes: 8_192 + 1_024 * ids.length };
  }

  saveWord(w: string, level: number): null {
    if (!word(w) || !Number.isInteger(level) || level < 0 || level > 4) fail('INVALID_INPUT', `"${w}" → ${level} is not a word and a level 0–4`);
    this.words.set(word(w), level);
    return null;
  }

  list(): ImportRecord[] {
    return [...this.records].sort((a, b) => b.seq - a.seq).map(({ seq: _, ...r }) => r);
  }

  legacyRequirements(id: string): LegacyRequirement[] {
    return (this.legacy.get(id) ?? []).map((r) => ({ ...r }));
  }

  preview(fileName: string, base64: string): FileImport {
    return this.read(fileName, base64).out;
  }

  importFile(fileName: string, base64: string): FileImport {
    const { out, isak, infoklass } = this.read(fileName, base64);
    if (!out.ok) return out;
    try {
      if (isak && out.legacy) this.writeIsak(out, isak);
      if (infoklass && out.workbook) this.writeInfoklass(out, out.workbook);
    } catch (e) {
      const err = e as { code: string; message: string };
      Object.assign(out, { ok: false, applied: false, failure: failure(err.code, err.message, err.message) });
    }
    return out;
  }

  private read(fileName: string, base64: string): { out: FileImport; isak?: IsakFile; infoklass?: InfoklassFile } {
    const text = decode(fileName, base64);
    const out: FileImport = {
      file_name: fileName, sha256: hash(text), kind: '', ok: false, applied: false, failure: null, legacy: null, workbook: null,
      diagnostics: [], leftovers: [], unknown_words: [],
    };
    const parse = <T>(json: string): T | null => {
      try {
        return JSON.parse(json) as T;
      } catch {
        out.failure = failure('IMPORT_CORRUPT', 'Arbetsboken är skadad eller ofullständig och kan inte läsas.', 'The workbook is damaged or incomplete and cannot be read.');
        return null;
      }
    };
    if (text.startsWith('ISAK:')) {
      out.kind = 'isak';
      const isak = parse<IsakFile>(text.slice(5));
      if (isak) this.planIsak(out, isak);
      out.ok = out.failure === null && !out.diagnostics.some((d) => d.severity === 'error');
      return { out, isak: isak ?? undefined };
    }
    if (text.startsWith('INFOKLASS:')) {
      out.kind = 'infoklass';
      const infoklass = parse<InfoklassFile>(text.slice(10));
      if (infoklass) this.planInfoklass(out, infoklass);
      out.ok = out.failure === null && out.diagnostics.length === 0 && out.workbook !== null;
      return { out, infoklass: infoklass ?? undefined };
    }
    out.failure = failure('IMPORT_NOT_A_WORKBOOK', 'Filen är ingen arbetsbok (xls, xlsx, xlsm eller ods).', 'The file is not a workbook (xls, xlsx, xlsm or ods).');
    return { out };
  }

  /** An ISAK cell as an app level; an unknown word is collected and reported. */
  private level(out: FileImport, cell: Cell, where: string): number | null {
    if (cell === null || cell === undefined || cell === '') return null;
    if (typeof cell === 'number') {
      if (Number.isInteger(cell) && cell >= 1 && cell <= 4) return cell - 1;
      // As in the real importer: the cell is left empty and the rest of the file imports.
      out.diagnostics.push(diagnostic('warning', { code: 'LEVEL_OUT_OF_RANGE', cell: where, message: `"${cell}" är inte en ISAK-nivå (1–4); cellen lämnas tom` }));
      return null;
    }
    const w = word(cell).replace(/ skada$/, '');
    const named = LEVEL_NAMES.indexOf(w === 'ingen eller försumbar' ? 'försumbar' : w);
    if (named >= 0) return named;
    return this.unknown(out, cell, where);
  }

  private unknown(out: FileImport, raw: string, where: string): number | null {
    const mapped = this.words.get(word(raw));
    if (mapped !== undefined) return mapped;
    if (!out.unknown_words.some((u) => word(u) === word(raw))) out.unknown_words.push(raw.trim());
    out.diagnostics.push({
      severity: 'warning', code: 'LEVEL_UNKNOWN_WORD', sheet: 'Klassning', cell: where,
      message_sv: `"${raw}": «${raw}» är inget känt namn på en ISAK-nivå; koppla ordet till en nivå, annars lämnas cellen tom`,
      message_en: `"${raw}": "${raw}" is not a known name of an ISAK level; map the word to a level, otherwise the cell stays empty`,
    });
    return null;
  }

  private sets(out: FileImport, isak: IsakFile): InformationSet[] {
    const sets = (isak.sets ?? []).map((s, i) => {
      const row = 9 + i;
      const lvl = (a: 'K' | 'R' | 'T') => this.level(out, s[a], `${ASPECT_COLUMN[a]}${row}`);
      return {
        id: newId(), name: s.name, description: '', info_type: null,
        levels: { K: lvl('K'), R: lvl('R'), T: lvl('T'), S: null },
        motivations: { K: 'Bedömt i ISAK', R: 'Bedömt i ISAK', T: 'Bedömt i ISAK', S: '' },
      };
    });
    (isak.words ?? []).forEach((w, i) => this.unknown(out, w, `C${30 + i}`));
    return sets;
  }

  private planIsak(out: FileImport, isak: IsakFile) {
    (isak.errors ?? []).forEach((p) => out.diagnostics.push(diagnostic('error', p)));
    (isak.warnings ?? []).forEach((p) => out.diagnostics.push(diagnostic('warning', p, 'CELL_UNREADABLE')));
    out.leftovers = (isak.leftovers ?? []).map((l) => ({ ...l }));
    const sets = this.sets(out, isak);
    const name = (isak.name ?? '').trim();
    if (!name) {
      out.failure = failure('IMPORT_NO_OBJECT_NAME', 'Arbetsboken anger inget objekt (IT-stöd, System eller Objekt) i bladet Klassning.',
        'The workbook names no object (IT-stöd, System or Objekt) on the Klassning sheet.');
      return;
    }
    const previous = this.records.filter((r) => r.sha256 === out.sha256 && r.format === 'isak').at(-1) ?? null;
    const existing = [...this.db.objects.values()].find((o) => word(o.meta.name) === word(name))?.id ?? null;
    const plan: LegacyPlan = {
      outcome: previous && existing && previous.object_id === existing ? 'unchanged' : existing ? 'updated' : 'created',
      object_id: existing, object_name: name, sets: sets.length, risks: isak.risks ?? 0, requirements: isak.requirements ?? 0,
      previous_import: previous?.imported_at ?? null,
    };
    out.legacy = plan;
  }

  private writeIsak(out: FileImport, isak: IsakFile) {
    const plan = out.legacy!;
    if (plan.outcome === 'unchanged') return;
    const scratch = { ...out, diagnostics: [], unknown_words: [] };
    const sets = this.sets(scratch, isak);
    let id = plan.object_id;
    if (id === null) {
      const meta = {
        name: plan.object_name, kind: 'system' as const, description: `Importerad från ISAK (${out.file_name}).`, unit: '',
        information_owner: '', system_owner: '', system_administrator: '', supplier: '', hosting: null, participants: [], tags: [],
        classification_date: null, next_review: null,
      };
      id = this.db.create({ meta, content: { sets, uplifts: { K: null, R: null, T: null, S: null }, lagrum: [] } }).id;
    } else {
      if (this.db.get(id).current.status !== 'utkast') this.db.reclassify(id);
      const content = this.db.get(id).current.content;
      for (const set of sets) {
        const old = content.sets.find((s) => word(s.name) === word(set.name));
        if (old) Object.assign(old, { levels: set.levels, motivations: set.motivations });
        else content.sets.push(set);
      }
      this.db.saveDraft(id, content);
    }
    if (plan.requirements > 0) this.legacy.set(id, legacyRows(plan.requirements));
    this.record(out, 'isak', id, plan.outcome);
    out.legacy = { ...plan, object_id: id };
    out.applied = true;
  }

  private planInfoklass(out: FileImport, f: InfoklassFile) {
    if (f.errors?.length) {
      out.diagnostics = f.errors.map((p) => diagnostic('error', p));
      return;
    }
    const o = this.db.objects.get(f.object_id);
    if (!o) {
      out.failure = failure('NOT_FOUND', `Objektet i arbetsboken finns inte i databasen (${f.object_id}).`, `The workbook's object is not in the database (${f.object_id}).`);
      return;
    }
    const current = this.db.get(f.object_id).current;
    const changes = (f.changes ?? []).map((c) => ({ ...c }));
    out.workbook = {
      object_id: o.id, object_name: o.meta.name, changes, conflicts: (f.conflicts ?? []).map((c) => ({ ...c })),
      stale: f.version !== undefined && current.version > f.version,
      starts_reclassification: current.status === 'faststalld' && changes.some((c) => c.sheet === 'Klassning'),
    };
  }

  /** The changes themselves are not applied to the mock's content; a re-classification is started as the app would. */
  private writeInfoklass(out: FileImport, plan: WorkbookPlan) {
    if (plan.starts_reclassification) this.db.reclassify(plan.object_id);
    this.record(out, 'infoklass', plan.object_id, plan.changes.length > 0 ? 'updated' : 'unchanged');
    out.applied = plan.changes.length > 0;
  }

  private record(out: FileImport, format: string, objectId: string, outcome: string) {
    this.records.push({
      seq: this.records.length, id: newId(), file_name: out.file_name, sha256: out.sha256, format, object_id: objectId, outcome,
      imported_at: this.db.now(), imported_by: this.db.user,
    });
  }
}

/** The requirement rows of an old workbook, kept verbatim. */
function legacyRows(n: number): LegacyRequirement[] {
  const areas = ['Behörighet', 'Loggning', 'Säkerhetskopiering', 'Kontinuitet'];
  const statuses = ['Ja', 'Nej', 'Delvis', 'Ej aktuellt', ''];
  return Array.from({ length: n }, (_, i) => ({
    id: `ISAK-${String(i + 1).padStart(2, '0')}`,
    area: areas[i % areas.length],
    text: `Krav ${i + 1} ur ISAK:s kravlista: ${areas[i % areas.length].toLowerCase()} ska dokumenteras.`,
    applies_from: i % 3 === 0 ? 'K: x' : `K: ${1 + (i % 3)}, T: ${2 + (i % 2)}`,
    status: statuses[i % statuses.length],
    comment: i % 2 === 0 ? `Kommentar ${i + 1}` : '',
    responsible: i % 2 === 0 ? 'Systemförvaltaren' : '',
  }));
}
