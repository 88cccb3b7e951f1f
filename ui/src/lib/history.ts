// How an audit entry reads in the object's history: what was done to what ("Lade till risk"),
// and which one, taken from the stored state ("Nätfiske", "BEH-02", the file name).
import type { HistoryEntry } from './bindings/HistoryEntry';
import { tCode } from './i18n/index.svelte';

const SUBJECT_FIELDS = ['event', 'measure', 'file', 'key'] as const;

export function historyTitle(e: HistoryEntry): string {
  return tCode(`history.entry.${e.entity}.${e.action}`, tCode(`history.action.${e.action}`, e.action));
}

/** The risk, action, requirement or file the entry is about; empty for the object itself. */
export function historySubject(e: HistoryEntry): string {
  if (e.entity === 'object' || e.entity === 'classification' || e.entity === 'risk_analysis') return '';
  for (const json of [e.new, e.old]) {
    if (!json) continue;
    try {
      const state = JSON.parse(json) as Record<string, unknown>;
      const found = SUBJECT_FIELDS.map((f) => state[f]).find((v) => typeof v === 'string' && v.trim() !== '');
      if (typeof found === 'string') return found.length > 80 ? `${found.slice(0, 79)}…` : found;
    } catch {
      // Stored by this app, so always JSON; an odd entry still shows its title.
    }
  }
  return e.entity === 'requirement' ? e.entity_id : '';
}
