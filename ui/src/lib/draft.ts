// The editable shape of an object's facts and classification, and conversions to the contract.
import type { ClassificationContent } from './bindings/ClassificationContent';
import type { Hosting } from './bindings/Hosting';
import type { InformationSet } from './bindings/InformationSet';
import type { ObjectMeta } from './bindings/ObjectMeta';
import { perAspect } from './domain';

/** ObjectMeta as the form holds it: lists as comma separated text, empty dates as ''. */
export type MetaForm = Omit<ObjectMeta, 'participants' | 'tags' | 'classification_date' | 'next_review' | 'hosting'> & {
  participants: string;
  tags: string;
  classification_date: string;
  next_review: string;
  hosting: Hosting | '';
};

export function newMetaForm(today: string): MetaForm {
  return {
    name: '',
    kind: 'system',
    description: '',
    unit: '',
    information_owner: '',
    system_owner: '',
    system_administrator: '',
    supplier: '',
    hosting: '',
    participants: '',
    tags: '',
    classification_date: today,
    next_review: addYears(today, 1),
  };
}

export function metaToForm(m: ObjectMeta): MetaForm {
  return {
    ...m,
    hosting: m.hosting ?? '',
    participants: m.participants.join(', '),
    tags: m.tags.join(', '),
    classification_date: m.classification_date ?? '',
    next_review: m.next_review ?? '',
  };
}

export function formToMeta(f: MetaForm): ObjectMeta {
  return {
    name: f.name,
    kind: f.kind,
    description: f.description,
    unit: f.unit,
    information_owner: f.information_owner,
    system_owner: f.system_owner,
    system_administrator: f.system_administrator,
    supplier: f.supplier,
    hosting: f.hosting === '' ? null : f.hosting,
    participants: splitList(f.participants),
    tags: splitList(f.tags),
    classification_date: f.classification_date.trim() || null,
    next_review: f.next_review.trim() || null,
  };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function emptyContent(): ClassificationContent {
  return { sets: [], uplifts: perAspect(() => null), lagrum: [] };
}

export function newSet(): InformationSet {
  return {
    id: newId(),
    name: '',
    description: '',
    info_type: null,
    levels: perAspect(() => null),
    motivations: perAspect(() => ''),
  };
}

/** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return '';
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + years}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
