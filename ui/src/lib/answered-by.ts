// Who answers a requirement: the filter of the Krav tab, the owner's questions first, and which
// requirements a bulk hand-over takes.
import type { AnsweredBy } from './bindings/AnsweredBy';
import type { RequirementItem } from './bindings/RequirementItem';

export const WHO: AnsweredBy[] = ['verksamhet', 'it', 'leverantor'];
export type WhoFilter = '' | AnsweredBy;
export type HandoverFilter = '' | 'waiting' | 'answered';

export function countsByWho(items: RequirementItem[]): Record<AnsweredBy, number> {
  const counts: Record<AnsweredBy, number> = { verksamhet: 0, it: 0, leverantor: 0 };
  for (const r of items) counts[r.answered_by] += 1;
  return counts;
}

export function handoverState(r: RequirementItem): HandoverFilter {
  if (!r.handover) return '';
  return r.handover.answered_at ? 'answered' : 'waiting';
}

export function matchesWho(r: RequirementItem, who: WhoFilter, handover: HandoverFilter): boolean {
  if (who !== '' && r.answered_by !== who) return false;
  return handover === '' || handoverState(r) === handover;
}

/** Sections in the order the owner works: their own questions first, then IT, then the supplier. */
export function bySection(items: RequirementItem[]): { who: AnsweredBy; items: RequirementItem[] }[] {
  return WHO.map((who) => ({ who, items: items.filter((r) => r.answered_by === who) })).filter(
    (s) => s.items.length > 0,
  );
}

/**
 * The ones a bulk hand-over takes: not yet answered (or answered "Vet ej", which asks for
 * someone who knows) and not already waiting for someone else.
 */
export function toHandOver(items: RequirementItem[]): RequirementItem[] {
  return items.filter(
    (r) => (r.assessment === null || r.assessment.answer === 'vet_ej') && handoverState(r) !== 'waiting',
  );
}

/** A stored timestamp as "ÅÅÅÅ-MM-DD HH:MM" (UTC as stored). */
export function shortTime(at: string): string {
  return at.replace('T', ' ').slice(0, 16);
}
