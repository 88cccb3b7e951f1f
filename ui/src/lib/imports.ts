// How an imported file is described: its status before the import, what importing it does,
// its counts, and its outcome afterwards. Texts follow the UI language.
import type { ErrorBody } from './bindings/ErrorBody';
import type { FileImport } from './bindings/FileImport';
import type { ImportDiagnostic } from './bindings/ImportDiagnostic';
import { formatDateTime } from './format';
import { i18n, loc, t, tCode, tn } from './i18n/index.svelte';

export type PreviewStatus = 'ready' | 'warnings' | 'failed' | 'nothing';
export type Outcome = 'created' | 'updated' | 'unchanged' | 'failed';

export function previewStatus(f: FileImport): PreviewStatus {
  if (!f.ok || f.failure) return 'failed';
  if (
    f.legacy?.outcome === 'unchanged' ||
    (f.workbook && f.workbook.changes.length === 0 && f.workbook.conflicts.length === 0)
  )
    return 'nothing';
  return warningCount(f) > 0 ? 'warnings' : 'ready';
}

export function warningCount(f: FileImport): number {
  return (
    f.diagnostics.filter((d) => d.severity !== 'info').length +
    (f.workbook?.stale ? 1 : 0) +
    (f.workbook?.conflicts.length ?? 0)
  );
}

/** Files that importing would change something for. */
export function importable(f: FileImport | null): boolean {
  return f !== null && ['ready', 'warnings'].includes(previewStatus(f));
}

export function kindLabel(f: FileImport): string {
  return f.kind === 'isak' || f.kind === 'infoklass' ? t(`import.kind.${f.kind}`) : t('import.kind.unknown');
}

export function whatHappens(f: FileImport): string {
  if (f.failure || !f.ok) return t('import.what.none');
  if (f.legacy) {
    const { outcome, object_name: name } = f.legacy;
    if (outcome === 'unchanged')
      return t('import.what.unchanged', { name, at: formatDateTime(f.legacy.previous_import) });
    return t(`import.what.${outcome}`, { name });
  }
  if (f.workbook) {
    const name = f.workbook.object_name;
    const n = f.workbook.changes.length;
    return n === 0 ? t('import.what.noChanges', { name }) : tn('import.what.changes', n, { name });
  }
  return t('import.what.none');
}

/** The file's content in numbers, e.g. ["3 informationsmängder", "2 risker", "5 äldre krav"]. */
export function counts(f: FileImport): string[] {
  if (f.legacy) {
    return [
      tn('import.counts.sets', f.legacy.sets),
      tn('import.counts.risks', f.legacy.risks),
      tn('import.counts.requirements', f.legacy.requirements),
    ];
  }
  return f.workbook ? [tn('import.counts.changes', f.workbook.changes.length)] : [];
}

export function diagnosticText(d: ImportDiagnostic): string {
  return loc(d.message_sv, d.message_en);
}

/** Why a file cannot be imported, with its code: the failure, else the first error found. */
export function reason(f: FileImport): { text: string; code: string } | null {
  if (f.failure) {
    // The backend gives both languages for what the file itself is wrong about; a failure of
    // the store has one (English) text, so the app's own text for its code is shown instead.
    const d = f.failure;
    const both = d.message_en !== '' && d.message_en !== d.message_sv;
    const text =
      i18n.lang === 'en'
        ? both
          ? d.message_en
          : tCode(`importFailure.${d.code}`, d.message_en)
        : both
          ? d.message_sv
          : tCode(`importFailure.${d.code}`, tCode(`error.${d.code}`, d.message_sv));
    return { text, code: d.code };
  }
  const errors = f.diagnostics.filter((d) => d.severity === 'error');
  if (f.ok || errors.length === 0) return null;
  const first = errors[0];
  const where = [first.sheet, first.cell].filter(Boolean).join('!');
  return {
    text: tn('import.errorsInFile', errors.length, { first: `${where ? `${where}: ` : ''}${diagnosticText(first)}` }),
    code: first.code,
  };
}

/** A call that failed as a whole (the file could not be read or sent), in the same shape. */
export function callReason(e: ErrorBody): { text: string; code: string } {
  return { text: tCode(`error.${e.code}`, t('error.unknown')), code: e.code };
}

/** What importing did; a file that was not written (or could not be) counts as failed. */
export function outcome(f: FileImport): Outcome {
  if (!f.ok || f.failure) return 'failed';
  if (f.legacy) return f.legacy.outcome;
  return f.applied ? 'updated' : 'unchanged';
}
