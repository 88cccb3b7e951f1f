import { describe, expect, it } from 'vitest';
import { isakRecordParts } from './isak-record';
import { svObjList } from './i18n/sv-objlist';

const t = (key: string, vars: Record<string, string | number> = {}) =>
  Object.entries(vars).reduce(
    (s, [k, v]) => s.replace(`{${k}}`, String(v)),
    (svObjList as Record<string, string>)[key] ?? key,
  );

const record = {
  file_name: 'journalsystem.xlsx',
  sheet: 'Klassning',
  isak_version: null,
  classified_on: '2019-03-12',
  participants: ['Anna Berg', 'Lena Öst'],
  information_owner: 'HS-direktör',
  system_owner: '',
  imported_at: '2026-12-01T10:00:00Z',
  imported_by: 'samordnare',
};

describe('the ISAK record line', () => {
  it('names the date, participants, owner, file and sheet, leaving out what is blank', () => {
    expect(isakRecordParts(record, t).join(' · ')).toBe(
      'Klassad i ISAK 2019-03-12 · deltagare Anna Berg, Lena Öst · informationsägare HS-direktör · ' +
        'fil journalsystem.xlsx · blad Klassning · importerad 2026-12-01 av samordnare',
    );
  });

  it('says when the workbook gave no date, and names the ISAK version', () => {
    const parts = isakRecordParts({ ...record, classified_on: null, isak_version: '3.2', sheet: '' }, t);
    expect(parts[0]).toBe('Klassad i ISAK 3.2 (arbetsboken anger inget datum)');
    expect(parts.some((p) => p.startsWith('blad'))).toBe(false);
  });
});
