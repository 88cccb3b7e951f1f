// Generated objects for the mock backend (`?seed=N`): varied kinds, units, levels and review dates.
import type { ObjectKind } from '../bindings/ObjectKind';
import { newId } from '../draft';
import { KINDS } from '../domain';
import { deriveProfile } from './derive';
import type { MockDb } from './db';

const BASES = [
  'Journalsystem', 'Ekonomisystem', 'Lönesystem', 'Ärendehantering', 'Bokningssystem', 'Skolplattform',
  'Dokumenthantering', 'Intranät', 'E-tjänsteplattform', 'Vårdplanering', 'Fakturaportal', 'Bygglovsprocess',
  'Rekrytering', 'Hemtjänstplanering', 'Kundtjänst', 'Diarium', 'Kartportal', 'Elevregister',
];
const UNITS = [
  'Hälso- och sjukvårdsförvaltningen', 'Regionservice', 'Kultur och utbildning', 'Socialförvaltningen',
  'Stadsbyggnadskontoret', 'Ekonomiavdelningen', 'HR-avdelningen', 'IT-avdelningen',
];
const PEOPLE = ['Anna Lindqvist', 'Erik Johansson', 'Maria Svensson', 'Johan Berg', 'Sara Nilsson', 'Karin Holm'];
const SUPPLIERS = ['Cambio', 'Visma', 'Tieto', 'Egen utveckling', 'Microsoft', 'Lantmäteriet'];

/** A small deterministic random generator, so a seed gives the same data every time. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function seedObjects(db: MockDb, count: number): void {
  const rnd = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const level = () => Math.floor(rnd() * 4);
  for (let i = 0; i < count; i++) {
    const base = BASES[i % BASES.length];
    const kind: ObjectKind = KINDS[i % KINDS.length];
    const sets = Array.from({ length: 1 + (i % 2) }, (_, k) => ({
      id: newId(),
      name: k === 0 ? 'Grunduppgifter' : 'Personuppgifter',
      description: '',
      info_type: null,
      levels: { K: level(), R: level(), T: level(), S: level() },
      motivations: { K: 'Bedömt vid workshop', R: 'Bedömt vid workshop', T: 'Bedömt vid workshop', S: 'Bedömt vid workshop' },
    }));
    const content = { sets, uplifts: { K: null, R: null, T: null, S: null }, lagrum: [] };
    const approved = i % 4 !== 0;
    const owner = pick(PEOPLE);
    const meta = {
      name: `${base} ${String(i + 1).padStart(4, '0')}`, kind, description: `${base} för verksamhetens ärenden`,
      unit: pick(UNITS), information_owner: owner, system_owner: pick(PEOPLE), system_administrator: pick(PEOPLE),
      supplier: pick(SUPPLIERS), hosting: null, participants: [], tags: i % 3 === 0 ? ['kritisk'] : [],
      classification_date: shiftDate(db.today, -400 + (i % 300)), next_review: shiftDate(db.today, i % 7 === 0 ? -30 - (i % 60) : 30 + (i % 300)),
    };
    const c = db.newClassification(1, content);
    if (approved) Object.assign(c, { status: 'faststalld', meta, approved_by: owner, approved_at: db.now() });
    c.levels = deriveProfile(content).levels;
    db.insert({ id: newId(), meta, classifications: [c], updated_at: db.now() });
  }
}
