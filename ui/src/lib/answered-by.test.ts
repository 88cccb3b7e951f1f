import { describe, expect, it } from 'vitest';
import type { RequirementItem } from './bindings/RequirementItem';
import { bySection, countsByWho, matchesWho, shortTime, toHandOver } from './answered-by';

function item(key: string, who: RequirementItem['answered_by'], extra: Partial<RequirementItem> = {}): RequirementItem {
  return {
    key,
    area: 'a',
    area_sv: 'A',
    area_en: 'A',
    aspects: [],
    title_sv: key,
    title_en: key,
    ar_sv: '',
    ska_sv: '',
    obligation: 'ska',
    answered_by: who,
    handover: null,
    guidance_sv: '',
    ar_en: '',
    ska_en: '',
    guidance_en: '',
    lagrum_ref: null,
    iso27002: [],
    nis2: null,
    local_how: '',
    reasons: [],
    assessment: null,
    is_new: false,
    included_in: null,
    ...extra,
  };
}

const waiting = {
  to: 'it' as const,
  name: 'Per',
  handed_on: '2026-11-30',
  handed_by: 'anna',
  answered_at: null,
  answered_by: null,
};
const answered = { ...waiting, answered_at: '2026-12-01T10:00:00Z', answered_by: 'per' };
const items = [
  item('IT-1', 'it', { handover: waiting }),
  item('V-1', 'verksamhet'),
  item('L-1', 'leverantor'),
  item('IT-2', 'it', {
    handover: answered,
    assessment: { key: 'IT-2', answer: 'uppfyllt', comment: '', evidence: '' },
  }),
  item('IT-3', 'it', { assessment: { key: 'IT-3', answer: 'vet_ej', comment: '', evidence: '' } }),
  item('IT-4', 'it', { assessment: { key: 'IT-4', answer: 'ej_uppfyllt', comment: '', evidence: '' } }),
];

describe('who answers', () => {
  it('counts per group', () => {
    expect(countsByWho(items)).toEqual({ verksamhet: 1, it: 4, leverantor: 1 });
  });
  it('filters by who and by hand-over state', () => {
    expect(items.filter((r) => matchesWho(r, 'it', '')).map((r) => r.key)).toEqual(['IT-1', 'IT-2', 'IT-3', 'IT-4']);
    expect(items.filter((r) => matchesWho(r, '', 'waiting')).map((r) => r.key)).toEqual(['IT-1']);
    expect(items.filter((r) => matchesWho(r, 'it', 'answered')).map((r) => r.key)).toEqual(['IT-2']);
  });
  it("puts the owner's questions first", () => {
    expect(bySection(items).map((s) => [s.who, s.items.length])).toEqual([
      ['verksamhet', 1],
      ['it', 4],
      ['leverantor', 1],
    ]);
  });
  it('hands over the unanswered and the Vet ej ones that are not waiting already', () => {
    expect(toHandOver(items.filter((r) => r.answered_by === 'it')).map((r) => r.key)).toEqual(['IT-3']);
  });
  it('shows a stored time shortly', () => {
    expect(shortTime('2026-12-01T10:05:33Z')).toBe('2026-12-01 10:05');
  });
});
