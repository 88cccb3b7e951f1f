import { describe, expect, it } from 'vitest';
import { merge3 } from './merge3';

describe('merge3', () => {
  const base = { meta: { name: 'Journal', unit: 'Akuten', tags: ['a'] }, content: { sets: [{ id: '1', k: 2 }] } };

  it('keeps what only the other person changed', () => {
    const theirs = { ...base, meta: { ...base.meta, unit: 'Kirurgen' } };
    expect(merge3(base, base, theirs)).toEqual(theirs);
  });

  it('lays this user’s changes over the other person’s, field by field', () => {
    const mine = { ...base, meta: { ...base.meta, name: 'Journalsystem' } };
    const theirs = { ...base, meta: { ...base.meta, unit: 'Kirurgen' } };
    expect(merge3(base, mine, theirs).meta).toEqual({ name: 'Journalsystem', unit: 'Kirurgen', tags: ['a'] });
  });

  it('takes lists whole, this user’s when both changed them', () => {
    const mine = { ...base, content: { sets: [{ id: '1', k: 3 }] } };
    const theirs = {
      ...base,
      content: {
        sets: [
          { id: '1', k: 1 },
          { id: '2', k: 2 },
        ],
      },
    };
    expect(merge3(base, mine, theirs).content).toEqual(mine.content);
    expect(merge3(base, base, theirs).content).toEqual(theirs.content);
  });

  it('keeps a key the other person added and drops one they removed that this user left alone', () => {
    const b = { a: 1, gone: 2 } as Record<string, number>;
    const theirs = { a: 1, added: 3 } as Record<string, number>;
    const mine = { a: 5, gone: 2 } as Record<string, number>;
    expect(merge3(b, mine, theirs)).toEqual({ a: 5, added: 3 });
  });
});
