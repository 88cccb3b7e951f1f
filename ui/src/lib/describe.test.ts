import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from './bindings/Change';
import type { HistoryEntry } from './bindings/HistoryEntry';
import { appData } from './app-data.svelte';
import type { LagrumEntry } from './bindings/LagrumEntry';
import { aspectName, changeText, lagrumHelp, lagrumName } from './describe';
import { historySubject, historyTitle } from './history';
import { i18n } from './i18n/index.svelte';

afterEach(() => {
  i18n.lang = 'sv';
  appData.lagrum = [];
});

const sakerhetsskydd: LagrumEntry = {
  lagrum: {
    key: 'sakerhetsskydd',
    groups: [],
    scope: 'object',
    name_sv: 'Säkerhetsskydd (säkerhetsskyddslagen 2018:585)',
    name_en: 'Protective security',
    help_sv: 'Kontakta säkerhetsskyddschefen.',
    help_en: '',
    minimums: { K: null, R: null, T: null, S: null },
    pick_level: 4,
    retired: false,
  },
  requirements: [],
  chosen: false,
};

const change = (kind: string, subject: string, old: string, next: string, aspect: Change['aspect'] = null): Change => ({
  kind,
  subject,
  aspect,
  old,
  new: next,
});

describe('names', () => {
  it('names aspects, and lagrum from the lagrum catalogue, in the UI language', () => {
    appData.lagrum = [sakerhetsskydd];
    expect(aspectName('K')).toBe('Konfidentialitet');
    expect(aspectName(null)).toBe('');
    expect(lagrumName('sakerhetsskydd')).toBe('Säkerhetsskydd (säkerhetsskyddslagen 2018:585)');
    i18n.lang = 'en';
    expect(aspectName('K')).toBe('Confidentiality');
    expect(lagrumName('sakerhetsskydd')).toBe('Protective security');
    // No English help text: the Swedish one is shown.
    expect(lagrumHelp('sakerhetsskydd')).toBe('Kontakta säkerhetsskyddschefen.');
  });

  it('shows an unknown lagrum code as it is', () => {
    expect(lagrumName('ny_lag')).toBe('ny_lag');
    expect(lagrumName(null)).toBe('');
  });
});

describe('changeText', () => {
  it('describes a level change with the aspect name', () => {
    i18n.lang = 'en';
    expect(changeText(change('level', 'Journaler', '1', '3', 'K'))).toBe('Journaler: Confidentiality 1 → 3');
  });

  it('writes blank values as "none"', () => {
    expect(changeText(change('set_renamed', '', '', 'Nytt namn'))).toBe(
      'Informationsmängd bytte namn: (inget) → Nytt namn',
    );
  });

  it('uses the new name for an added set', () => {
    expect(changeText(change('set_added', 'id-1', '', 'Journaler'))).toBe('Ny informationsmängd: Journaler');
  });

  it('falls back to the raw change for a kind it does not know', () => {
    expect(changeText(change('odd', 'x', 'a', ''))).toBe('odd x: a → (inget)');
  });
});

describe('history entries', () => {
  const entry = (entity: string, action: string, old: string | null, next: string | null): HistoryEntry => ({
    id: 1,
    at: '2026-11-30T10:00:00Z',
    actor: 'anna',
    action,
    entity,
    entity_id: 'BEH-02',
    old,
    new: next,
  });

  it('titles an entry by entity and action, else by action, else the raw action', () => {
    expect(historyTitle(entry('risk', 'create', null, null))).toBe('Lade till risk');
    i18n.lang = 'en';
    expect(historyTitle(entry('catalog', 'update', null, null))).toBe('Changed');
    expect(historyTitle(entry('catalog', 'frobnicate', null, null))).toBe('frobnicate');
  });

  it('takes the subject from the new state, else the old one', () => {
    expect(historySubject(entry('risk', 'create', null, '{"event":"Nätfiske"}'))).toBe('Nätfiske');
    expect(historySubject(entry('action', 'delete', '{"measure":"Inför MFA"}', null))).toBe('Inför MFA');
  });

  it('has no subject for the object itself, and the key for a requirement without one', () => {
    expect(historySubject(entry('object', 'update', null, '{"event":"x"}'))).toBe('');
    expect(historySubject(entry('requirement', 'assess', null, 'not json'))).toBe('BEH-02');
  });

  it('shortens a long subject to 80 characters', () => {
    const s = historySubject(entry('risk', 'create', null, JSON.stringify({ event: 'x'.repeat(120) })));
    expect(s).toHaveLength(80);
    expect(s.endsWith('…')).toBe(true);
  });
});
