import { describe, expect, it } from 'vitest';
import type { InfoType } from './bindings/InfoType';
import { choosableTypes, filterInfoTypes, infoTypeInput, infoTypeProblems } from './info-types';

const type = (key: string, name_sv: string, retired = false): InfoType => ({
  key,
  name_sv,
  name_en: '',
  description_sv: '',
  description_en: '',
  levels: { K: 2, R: 1, T: 1, S: 0 },
  retired,
});
const entries = [type('pat', 'Patientuppgifter'), type('old', 'Gammal typ', true)].map((info_type) => ({
  info_type,
  used_in: 0,
}));

describe('information types', () => {
  it('filters by search words and hides retired types unless asked', () => {
    const keys = (search: string, showRetired: boolean) =>
      filterInfoTypes(entries, { search, showRetired }).map((e) => e.info_type.key);
    expect(keys('', false)).toEqual(['pat']);
    expect(keys('', true)).toEqual(['pat', 'old']);
    expect(keys('patient', true)).toEqual(['pat']);
    expect(keys('GAMMAL', true)).toEqual(['old']);
  });

  it('copies the levels for the form and starts a new type at level 0', () => {
    const it0 = type('pat', 'Patientuppgifter');
    const input = infoTypeInput(it0);
    input.levels.K = 3;
    expect(it0.levels.K).toBe(2);
    expect(infoTypeInput(null).levels).toEqual({ K: 0, R: 0, T: 0, S: 0 });
  });

  it('requires a Swedish name', () => {
    expect(infoTypeProblems(infoTypeInput(null))).toEqual(['INFO_TYPE_NAME_MISSING']);
    expect(infoTypeProblems(infoTypeInput(type('pat', 'Patientuppgifter')))).toEqual([]);
  });

  it('offers the types in use plus the retired one a set already has', () => {
    const types = entries.map((e) => e.info_type);
    expect(choosableTypes(types, null).map((t) => t.key)).toEqual(['pat']);
    expect(choosableTypes(types, 'old').map((t) => t.key)).toEqual(['pat', 'old']);
  });
});
