// Vocabularies and helpers for requirements, self-assessment, action plans and procurement.
import type { ActionStatus } from './bindings/ActionStatus';
import type { Answer } from './bindings/Answer';
import type { AnswerCounts } from './bindings/AnswerCounts';
import type { Aspect } from './bindings/Aspect';
import type { Obligation } from './bindings/Obligation';
import type { Priority } from './bindings/Priority';
import type { RequirementItem } from './bindings/RequirementItem';
import type { Term } from './bindings/Term';
import { aspectName, lagrumName } from './describe';
import { loc, t, tCode } from './i18n/index.svelte';

export const ANSWERS: Answer[] = ['uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_tillampligt', 'vet_ej'];
export const ACTION_STATUSES: ActionStatus[] = ['ej_paborjad', 'pagar', 'forsenad', 'klar'];
export const PRIORITIES: Priority[] = ['hog', 'medel', 'lag'];
export const OBLIGATIONS: Obligation[] = ['ska', 'bor'];

/** Answers that leave work to do; the backend gives them an action-plan row. */
export function needsAction(a: Answer | null | undefined): boolean {
  return a === 'delvis_uppfyllt' || a === 'ej_uppfyllt' || a === 'vet_ej';
}

/** Ej tillämpligt is only accepted with a motivation in the comment. */
export function lacksMotivation(a: Answer | null | undefined, comment: string): boolean {
  return a === 'ej_tillampligt' && comment.trim() === '';
}

/** A trigger term as a short chip text: "T ≥ 2", "Patientdatalagen", "Grundskydd". */
export function termText(term: Term): string {
  switch (term.kind) {
    case 'baseline':
      return t('reason.baseline');
    case 'level':
      return `${term.aspect} ≥ ${term.min}`;
    case 'lagrum':
      return tCode(`lagrumShort.${term.lagrum}`, lagrumName(term.lagrum));
  }
}

/** The longer explanation shown as a tooltip. */
export function termTitle(term: Term): string {
  switch (term.kind) {
    case 'baseline':
      return t('reason.baselineTitle');
    case 'level':
      return t('reason.levelTitle', { aspect: aspectName(term.aspect), min: term.min });
    case 'lagrum':
      return t('reason.lagrumTitle', { lagrum: lagrumName(term.lagrum) });
  }
}

export function totalOf(c: AnswerCounts): number {
  return c.uppfyllt + c.delvis_uppfyllt + c.ej_uppfyllt + c.ej_tillampligt + c.vet_ej + c.unanswered;
}

export type StatusFilter = '' | 'unanswered' | Answer;
export type RequirementFilter = { status: StatusFilter; aspect: Aspect | ''; search: string };

export const title = (r: RequirementItem): string => loc(r.title_sv, r.title_en || r.title_sv);
export const areaName = (r: RequirementItem): string => loc(r.area_sv, r.area_en || r.area_sv) || r.area;

export function matchesFilter(r: RequirementItem, f: RequirementFilter): boolean {
  const answer = r.assessment?.answer ?? null;
  // A step included in a higher one is not asked, so it is never listed as unanswered.
  if (f.status === 'unanswered' && (answer !== null || r.included_in)) return false;
  if (f.status !== '' && f.status !== 'unanswered' && answer !== f.status) return false;
  if (f.aspect !== '' && !r.aspects.includes(f.aspect)) return false;
  const words = f.search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [r.key, r.title_sv, r.title_en, r.ar_sv, r.ar_en, r.area_sv, r.area_en, r.assessment?.comment ?? '']
    .join(' ')
    .toLowerCase();
  return words.every((w) => text.includes(w));
}

export type Group<T> = { key: string; name: string; items: T[] };

/** Groups in order of first appearance (the catalogue's order). */
export function groupBy<T>(items: T[], keyOf: (x: T) => string, nameOf: (x: T) => string): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    const key = keyOf(item);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name: nameOf(item), items: [] }));
    g.items.push(item);
  }
  return [...groups.values()];
}
