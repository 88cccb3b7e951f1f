import { describe, expect, it } from 'vitest';
import type { Band } from './bindings/Band';
import type { ErrorBody } from './bindings/ErrorBody';
import type { InformationSet } from './bindings/InformationSet';
import type { RiskMatrix } from './bindings/RiskMatrix';
import type { RiskView } from './bindings/RiskView';
import type { Threat } from './bindings/Threat';
import {
  acceptedAs,
  bandOf,
  bandTone,
  blankRisk,
  canAccept,
  defaultConsequence,
  inSentence,
  problemCodes,
  riskFromThreat,
  riskLabels,
  stepName,
} from './risks';

const band = (key: string, min: number, max: number): Band => ({
  key,
  name_sv: key,
  name_en: key,
  min,
  max,
  accept_roles: [],
  treat_within_days: 0,
});

// Bands listed out of order on purpose: the helpers must not rely on the order given.
const matrix: RiskMatrix = {
  id: 'm',
  version: '1',
  probability: [],
  consequence: [],
  bands: [band('hog', 9, 16), band('lag', 1, 4), band('medel', 5, 8)],
  roles: [],
};

describe('risk bands', () => {
  it('finds the band a value falls in, bounds included', () => {
    expect(bandOf(matrix, 1)?.key).toBe('lag');
    expect(bandOf(matrix, 4)?.key).toBe('lag');
    expect(bandOf(matrix, 5)?.key).toBe('medel');
    expect(bandOf(matrix, 16)?.key).toBe('hog');
    expect(bandOf(matrix, 17)).toBeUndefined();
  });

  it('spreads the tones from 0 to 3 over the bands by their lower bound', () => {
    expect(bandTone(matrix, 'lag')).toBe(0);
    expect(bandTone(matrix, 'medel')).toBe(2);
    expect(bandTone(matrix, 'hog')).toBe(3);
    expect(bandTone(matrix, 'okand')).toBe(-1);
    expect(bandTone(matrix, null)).toBe(-1);
  });

  it('gives a single band the lowest tone', () => {
    expect(bandTone({ ...matrix, bands: [band('alla', 1, 16)] }, 'alla')).toBe(0);
  });
});

describe('defaultConsequence', () => {
  const set = (id: string, K: number | null, T: number | null): InformationSet => ({
    id,
    name: id,
    description: '',
    info_type: null,
    levels: { K, R: null, T, S: null },
    motivations: { K: '', R: '', T: '', S: '' },
  });
  const sets = [set('a', 1, 3), set('b', 2, null)];
  const object = { K: 2, R: 0, T: 1, S: null };

  it('uses the object profile when no set is named: highest level plus one', () => {
    expect(defaultConsequence(['K', 'T'], [], sets, object, 4)).toBe(3);
  });

  it('uses only the named sets when sets are named', () => {
    expect(defaultConsequence(['K'], ['a'], sets, object, 4)).toBe(2);
    expect(defaultConsequence(['K', 'T'], ['a', 'b'], sets, object, 4)).toBe(4);
  });

  it('caps the consequence at the matrix maximum', () => {
    expect(defaultConsequence(['T'], ['a'], sets, object, 3)).toBe(3);
  });

  it('is null when the threatened aspects are not classified', () => {
    expect(defaultConsequence(['S'], [], sets, object, 4)).toBeNull();
    expect(defaultConsequence(['T'], ['b'], sets, object, 4)).toBeNull();
  });
});

describe('risk helpers', () => {
  it('names a step by its value, empty when there is none', () => {
    const steps = [{ value: 1, name_sv: 'Låg', name_en: 'Low', frequency_sv: '', criteria: [] }];
    expect(stepName(steps, 1)).toBe('Låg');
    expect(stepName(steps, 2)).toBe('');
  });

  it('turns a text into a part of a sentence', () => {
    expect(inSentence('Obehörig åtkomst.')).toBe('obehörig åtkomst');
    expect(inSentence('  IT-avbrott...  ')).toBe('IT-avbrott');
    expect(inSentence('A')).toBe('A');
  });

  it('labels risks R1, R2, … in the order given', () => {
    const view = (id: string) => ({ risk: { ...blankRisk(), id } }) as RiskView;
    const labels = riskLabels([view('x'), view('y')]);
    expect(labels.get('x')).toBe('R1');
    expect(labels.get('y')).toBe('R2');
  });

  it('accepts only a risk not yet accepted whose band lets some role accept it', () => {
    const view = (acceptance: RiskView['risk']['acceptance'], roles: string[]) =>
      ({ risk: { ...blankRisk(), acceptance }, accept_roles: roles }) as RiskView;
    expect(canAccept(view(null, ['ciso']))).toBe(true);
    expect(canAccept(view(null, []))).toBe(false);
    expect(canAccept(view({} as NonNullable<RiskView['risk']['acceptance']>, ['ciso']))).toBe(false);
  });

  it('takes the rule codes from a BAD_RISK error, else the error code', () => {
    const bad: ErrorBody = { code: 'BAD_RISK', message: '', details: ['RISK_EVENT_MISSING', 'RISK_ASPECT_MISSING'] };
    expect(problemCodes(bad)).toEqual(['RISK_EVENT_MISSING', 'RISK_ASPECT_MISSING']);
    expect(problemCodes({ code: 'NOT_FOUND', message: '', details: null })).toEqual(['NOT_FOUND']);
  });

  it('starts a risk from a threat with its texts and a copy of its aspects', () => {
    const threat: Threat = {
      key: 'T1',
      origin: 'egen',
      name_sv: 'Nätfiske',
      name_en: 'Phishing',
      description_sv: '',
      cause_sv: 'Falska mejl',
      consequence_sv: 'Läckta uppgifter',
      description_en: '',
      cause_en: '',
      consequence_en: '',
      aspects: ['K'],
      retired: false,
    };
    const risk = riskFromThreat(threat);
    expect(risk).toMatchObject({ threat_key: 'T1', event: 'Nätfiske', cause: 'Falska mejl', aspects: ['K'] });
    risk.aspects.push('T');
    expect(threat.aspects).toEqual(['K']);
  });
});

describe('acceptedAs', () => {
  const named: RiskMatrix = {
    ...matrix,
    roles: [{ key: 'hogsta-ledning', name_sv: 'Kommundirektör', name_en: 'Kommundirektör' }],
  };
  it('shows the role as it was called when accepted, else its name now', () => {
    const at = '2026-01-01T00:00:00Z';
    expect(acceptedAs(named, { role: 'hogsta-ledning', role_title: 'Regiondirektör', name: 'E', at })).toBe(
      'Regiondirektör',
    );
    expect(acceptedAs(named, { role: 'hogsta-ledning', role_title: '', name: 'E', at })).toBe('Kommundirektör');
  });
});
