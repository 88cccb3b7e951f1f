import { afterEach, describe, expect, it } from 'vitest';
import type { RequirementItem } from './bindings/RequirementItem';
import { i18n } from './i18n/index.svelte';
import {
  groupBy,
  lacksMotivation,
  matchesFilter,
  needsAction,
  termText,
  termTitle,
  totalOf,
  type RequirementFilter,
} from './requirements';

afterEach(() => {
  i18n.lang = 'sv';
});

const item = (key: string, extra: Partial<RequirementItem> = {}) =>
  ({
    key,
    area: 'a',
    area_sv: 'Område',
    area_en: 'Area',
    aspects: ['K'],
    title_sv: 'Behörighetsstyrning',
    title_en: 'Access control',
    ar_sv: '',
    assessment: null,
    ...extra,
  }) as RequirementItem;

const all: RequirementFilter = { status: '', aspect: '', search: '' };

describe('answers', () => {
  it('needs an action for partly met, not met and unknown only', () => {
    expect(needsAction('delvis_uppfyllt')).toBe(true);
    expect(needsAction('ej_uppfyllt')).toBe(true);
    expect(needsAction('vet_ej')).toBe(true);
    expect(needsAction('uppfyllt')).toBe(false);
    expect(needsAction('ej_tillampligt')).toBe(false);
    expect(needsAction(null)).toBe(false);
  });

  it('asks for a motivation only when not applicable has a blank comment', () => {
    expect(lacksMotivation('ej_tillampligt', '  ')).toBe(true);
    expect(lacksMotivation('ej_tillampligt', 'Används inte')).toBe(false);
    expect(lacksMotivation('ej_uppfyllt', '')).toBe(false);
  });

  it('counts every answer and the unanswered ones', () => {
    const c = { uppfyllt: 1, delvis_uppfyllt: 2, ej_uppfyllt: 3, ej_tillampligt: 4, vet_ej: 5, unanswered: 6 };
    expect(totalOf(c)).toBe(21);
  });
});

describe('matchesFilter', () => {
  const answered = item('R2', {
    aspects: ['T'],
    assessment: { key: 'R2', answer: 'uppfyllt', comment: 'Se rutin för säkerhetskopiering', evidence: '' },
  });

  it('lets everything through an empty filter', () => {
    expect(matchesFilter(item('R1'), all)).toBe(true);
    expect(matchesFilter(answered, all)).toBe(true);
  });

  it('filters on unanswered or on one answer', () => {
    expect(matchesFilter(item('R1'), { ...all, status: 'unanswered' })).toBe(true);
    expect(matchesFilter(answered, { ...all, status: 'unanswered' })).toBe(false);
    expect(matchesFilter(answered, { ...all, status: 'uppfyllt' })).toBe(true);
    expect(matchesFilter(answered, { ...all, status: 'ej_uppfyllt' })).toBe(false);
  });

  it('never lists a step included in a higher one as unanswered', () => {
    const included = item('SAK-02', { included_in: 'SAK-04' });
    expect(matchesFilter(included, { ...all, status: 'unanswered' })).toBe(false);
    expect(matchesFilter(included, all)).toBe(true);
  });

  it('filters on aspect', () => {
    expect(matchesFilter(answered, { ...all, aspect: 'T' })).toBe(true);
    expect(matchesFilter(answered, { ...all, aspect: 'K' })).toBe(false);
  });

  it('needs every search word, in any case, in the key, titles or comment', () => {
    expect(matchesFilter(answered, { ...all, search: 'ACCESS r2' })).toBe(true);
    expect(matchesFilter(answered, { ...all, search: 'säkerhetskopiering' })).toBe(true);
    expect(matchesFilter(answered, { ...all, search: 'access kryptering' })).toBe(false);
  });
});

describe('groupBy', () => {
  it('keeps the groups and their items in order of first appearance', () => {
    const groups = groupBy(
      ['b1', 'a1', 'b2', 'c1', 'a2'],
      (x) => x[0],
      (x) => x[0].toUpperCase(),
    );
    expect(groups.map((g) => g.key)).toEqual(['b', 'a', 'c']);
    expect(groups[0]).toEqual({ key: 'b', name: 'B', items: ['b1', 'b2'] });
    expect(groups[1].items).toEqual(['a1', 'a2']);
  });

  it('gives no groups for no items', () => {
    expect(groupBy([], String, String)).toEqual([]);
  });
});

describe('trigger terms', () => {
  it('writes a level term as a short chip and a longer title', () => {
    expect(termText({ kind: 'level', aspect: 'T', min: 2 })).toBe('T ≥ 2');
    i18n.lang = 'en';
    expect(termTitle({ kind: 'level', aspect: 'T', min: 2 })).toBe('Applies because Availability is at least 2');
  });

  it('names the baseline and a lagrum in the UI language', () => {
    expect(termText({ kind: 'baseline' })).toBe('Grundskydd');
    i18n.lang = 'en';
    expect(termText({ kind: 'lagrum', lagrum: 'patientdatalagen' })).toBe('Patient Data Act');
  });
});
