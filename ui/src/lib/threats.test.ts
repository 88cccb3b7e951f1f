import { describe, expect, it } from 'vitest';
import type { Threat } from './bindings/Threat';
import type { ThreatList } from './bindings/ThreatList';
import { formProblems, groupThreats, sortedAspects, threatInput, type ThreatFilter } from './threats';

const threat = (key: string, origin: string, name_sv: string, retired = false): Threat => ({
  key,
  origin,
  name_sv,
  name_en: '',
  description_sv: '',
  cause_sv: '',
  consequence_sv: '',
  description_en: '',
  cause_en: '',
  consequence_en: '',
  aspects: ['T', 'K'],
  retired,
});

const list: ThreatList = {
  origins: [
    { key: 'msb', name_sv: 'MSB', name_en: 'MSB' },
    { key: 'egen', name_sv: 'Egen', name_en: 'Own' },
    { key: 'tom', name_sv: 'Tom', name_en: 'Empty' },
  ],
  threats: [
    { threat: threat('E1', 'egen', 'Strömavbrott'), used_in: 0 },
    { threat: threat('M1', 'msb', 'Nätfiske'), used_in: 2 },
    { threat: threat('M2', 'msb', 'Gammalt hot', true), used_in: 1 },
  ],
};
const none: ThreatFilter = { search: '', origin: '', showRetired: false };
const keys = (f: ThreatFilter) => groupThreats(list, f).map((g) => [g.origin.key, g.entries.map((e) => e.threat.key)]);

describe('groupThreats', () => {
  it('groups by origin in the catalogue order, leaving out empty groups and retired threats', () => {
    expect(keys(none)).toEqual([
      ['msb', ['M1']],
      ['egen', ['E1']],
    ]);
  });

  it('shows retired threats when asked', () => {
    expect(keys({ ...none, showRetired: true })).toEqual([
      ['msb', ['M1', 'M2']],
      ['egen', ['E1']],
    ]);
  });

  it('filters by origin and by search words in any case', () => {
    expect(keys({ ...none, origin: 'egen' })).toEqual([['egen', ['E1']]]);
    expect(keys({ ...none, search: 'NÄTFISKE' })).toEqual([['msb', ['M1']]]);
    expect(keys({ ...none, search: 'e1' })).toEqual([['egen', ['E1']]]);
    expect(keys({ ...none, search: 'nothing matches' })).toEqual([]);
  });
});

describe('the threat form', () => {
  it('starts a new threat under the chosen origin', () => {
    expect(threatInput(null, 'egen')).toMatchObject({ key: null, origin: 'egen', name_sv: '', aspects: [] });
  });

  it('copies an existing threat without sharing its aspect list', () => {
    const th = threat('E1', 'egen', 'Strömavbrott');
    const input = threatInput(th, 'msb');
    expect(input).toMatchObject({ key: 'E1', origin: 'egen', name_sv: 'Strömavbrott' });
    input.aspects.push('S');
    expect(th.aspects).toEqual(['T', 'K']);
  });

  it('names what the backend would refuse', () => {
    expect(formProblems(threatInput(null, 'egen'))).toEqual(['THREAT_NAME_MISSING', 'THREAT_ASPECTS_MISSING']);
    expect(formProblems({ ...threatInput(null, 'egen'), name_sv: '  ', aspects: ['K'] })).toEqual([
      'THREAT_NAME_MISSING',
    ]);
    expect(formProblems(threatInput(threat('E1', 'egen', 'Strömavbrott'), 'egen'))).toEqual([]);
  });

  it('orders aspects K, R, T, S', () => {
    expect(sortedAspects(['S', 'T', 'K'])).toEqual(['K', 'T', 'S']);
  });
});
