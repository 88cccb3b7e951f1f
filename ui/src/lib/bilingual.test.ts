import { describe, expect, it } from 'vitest';
import { shownMeasure, textFor } from './bilingual';

describe('textFor', () => {
  it('shows Swedish in Swedish mode, even when English exists', () => {
    expect(textFor('sv', 'Loggar sparas.', 'Logs are kept.')).toBe('Loggar sparas.');
  });

  it('shows the English text in English mode', () => {
    expect(textFor('en', 'Loggar sparas.', 'Logs are kept.')).toBe('Logs are kept.');
  });

  it('falls back to Swedish marked (sv) when the English text is missing or blank', () => {
    expect(textFor('en', 'Loggar sparas.', '')).toBe('Loggar sparas. (sv)');
    expect(textFor('en', 'Loggar sparas.', '   ')).toBe('Loggar sparas. (sv)');
  });

  it('marks nothing when there is no text at all', () => {
    expect(textFor('en', '', '')).toBe('');
  });
});

describe('shownMeasure', () => {
  const req = { ar_sv: 'Loggar sparas.', ar_en: 'Logs are kept.' };

  it('shows a generated, unchanged measure in English', () => {
    expect(shownMeasure('en', 'Loggar sparas.', req)).toBe('Logs are kept.');
    expect(shownMeasure('sv', 'Loggar sparas.', req)).toBe('Loggar sparas.');
  });

  it('keeps a measure the user wrote or changed', () => {
    expect(shownMeasure('en', 'Köp en loggserver', req)).toBe('Köp en loggserver');
    expect(shownMeasure('en', 'Loggar sparas.', undefined)).toBe('Loggar sparas.');
  });

  it('marks a generated measure whose requirement has no English text', () => {
    expect(shownMeasure('en', 'Loggar sparas.', { ar_sv: 'Loggar sparas.', ar_en: '' })).toBe('Loggar sparas. (sv)');
  });
});
