import { describe, expect, it } from 'vitest';
import type { ObjectMeta } from './bindings/ObjectMeta';
import { addYears, emptyContent, formToMeta, metaToForm, newMetaForm, newSet } from './draft';

describe('addYears', () => {
  it('adds years to an ISO date', () => {
    expect(addYears('2026-11-30', 1)).toBe('2027-11-30');
    expect(addYears('2026-01-05', 3)).toBe('2029-01-05');
  });

  it('moves 29 February to the 28th', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('gives an empty string for text that is not a date', () => {
    expect(addYears('', 1)).toBe('');
    expect(addYears('not a date', 1)).toBe('');
  });
});

describe('metadata form', () => {
  it('starts with today as classification date and review in a year', () => {
    const f = newMetaForm('2026-06-01');
    expect(f.classification_date).toBe('2026-06-01');
    expect(f.next_review).toBe('2027-06-01');
    expect(f.kind).toBe('system');
    expect(f.hosting).toBe('');
  });

  it('turns lists into comma separated text and back, trimming and dropping blanks', () => {
    const meta: ObjectMeta = {
      ...formToMeta(newMetaForm('2026-06-01')),
      participants: ['Anna', 'Bo'],
      tags: ['ekonomi'],
      hosting: 'moln',
    };
    const form = metaToForm(meta);
    expect(form.participants).toBe('Anna, Bo');
    expect(form.hosting).toBe('moln');
    const back = formToMeta({ ...form, participants: ' Anna ,, Bo , ', tags: '' });
    expect(back.participants).toEqual(['Anna', 'Bo']);
    expect(back.tags).toEqual([]);
    expect(back.hosting).toBe('moln');
  });

  it('sends blank dates and no hosting as null', () => {
    const back = formToMeta({ ...newMetaForm('2026-06-01'), classification_date: '  ', next_review: '' });
    expect(back.classification_date).toBeNull();
    expect(back.next_review).toBeNull();
    expect(back.hosting).toBeNull();
  });
});

describe('new sets and content', () => {
  it('gives each new set its own version 4 UUID and no levels', () => {
    const a = newSet();
    const b = newSet();
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.levels).toEqual({ K: null, R: null, T: null, S: null });
    expect(a.motivations).toEqual({ K: '', R: '', T: '', S: '' });
  });

  it('starts empty content without sets, uplifts or lagrum', () => {
    expect(emptyContent()).toEqual({ sets: [], uplifts: { K: null, R: null, T: null, S: null }, lagrum: [] });
  });
});
