// The mock's requirements: derivation from the current classification, self-assessment,
// the organisation's own "how" texts and the action plan, with the backend's rules.
import type { Action } from '../bindings/Action';
import type { ActionInput } from '../bindings/ActionInput';
import type { Answer } from '../bindings/Answer';
import type { AnswerCounts } from '../bindings/AnswerCounts';
import type { Assessment } from '../bindings/Assessment';
import type { PerAspect } from '../bindings/PerAspect';
import type { Priority } from '../bindings/Priority';
import type { RequirementItem } from '../bindings/RequirementItem';
import type { RequirementView } from '../bindings/RequirementView';
import type { Suppression } from '../bindings/Suppression';
import type { Term } from '../bindings/Term';
import { newId } from '../draft';
import { AREAS, catalogRequirements, matchingTerms, type MockRequirement } from './catalog';
import { fail, type MockDb, type MockObject } from './db';
import { deriveProfile, profileText } from './derive';

type Classification = MockObject['classifications'][number];
type Derived = { items: { r: MockRequirement; reasons: Term[] }[]; suppressed: Suppression | null; levels: PerAspect<number | null> };
type StoredAction = Omit<Action, 'overdue'> & { object_id: string; seq: number };

const NEEDS_ACTION: Answer[] = ['delvis_uppfyllt', 'ej_uppfyllt', 'vet_ej'];
const RANK: Record<Priority, number> = { hog: 0, medel: 1, lag: 2 };
const SECURITY_LEVEL = 4;

export class MockRequirements {
  readonly catalog: MockRequirement[];
  catalogId = 'infoklass-bas';
  catalogVersion = '2026.1';
  private answers = new Map<string, Map<string, Assessment>>();
  private actions: StoredAction[] = [];
  private localHow = new Map<string, string>();
  private seq = 0;

  constructor(readonly db: MockDb, big: boolean) {
    this.catalog = catalogRequirements(big);
  }

  object(id: string): MockObject {
    return this.db.objects.get(id) ?? fail('NOT_FOUND', `no object ${id}`);
  }

  derive(o: MockObject, c: Classification = o.classifications[o.classifications.length - 1]): Derived {
    const profile = deriveProfile(c.content);
    const levels = profile.levels;
    if (Object.values(levels).some((l) => l !== null && l >= SECURITY_LEVEL)) return { items: [], suppressed: 'security_level', levels };
    if (!profile.complete) return { items: [], suppressed: 'incomplete', levels };
    const lagrum = c.content.lagrum.map((d) => d.lagrum);
    const items = this.catalog
      .map((r) => ({ r, reasons: matchingTerms(r.trigger, levels, lagrum) }))
      .filter((x) => x.reasons.length > 0);
    return { items, suppressed: null, levels };
  }

  item(r: MockRequirement, reasons: Term[], assessment: Assessment | null, isNew: boolean): RequirementItem {
    const { trigger: _trigger, ...rest } = r;
    const [area_sv, area_en] = AREAS[r.area] ?? [r.area, r.area];
    return { ...rest, area_sv, area_en, local_how: this.localHow.get(r.key) ?? '', reasons, assessment, is_new: isNew };
  }

  view(objectId: string): RequirementView {
    const o = this.object(objectId);
    const cur = o.classifications[o.classifications.length - 1];
    const derived = this.derive(o, cur);
    const prev = [...o.classifications].reverse().find((c) => c.status !== 'utkast' && c.id !== cur.id);
    const prevKeys = prev ? new Set(this.derive(o, prev).items.map((x) => x.r.key)) : null;
    const answers = new Map(this.answers.get(objectId) ?? []);
    const counts: AnswerCounts = { uppfyllt: 0, delvis_uppfyllt: 0, ej_uppfyllt: 0, ej_tillampligt: 0, vet_ej: 0, unanswered: 0 };
    const items = derived.items.map(({ r, reasons }) => {
      const a = answers.get(r.key) ?? null;
      answers.delete(r.key);
      counts[a ? a.answer : 'unanswered'] += 1;
      return this.item(r, reasons, a, prevKeys !== null && !prevKeys.has(r.key));
    });
    const dropped = [...answers.values()]
      .map((a) => {
        const r = this.catalog.find((x) => x.key === a.key);
        return r ? this.item(r, [], a, false) : { ...this.item(this.catalog[0], [], a, false), key: a.key, title_sv: a.key, title_en: a.key };
      })
      .sort((a, b) => a.key.localeCompare(b.key));
    return {
      object_id: objectId, object_name: o.meta.name, profile: profileText(derived.levels), classification_version: cur.version,
      classification_status: cur.status, catalog_id: this.catalogId, catalog_version: this.catalogVersion,
      suppressed: derived.suppressed, items, dropped, counts,
    };
  }

  saveAssessment(objectId: string, input: Assessment): RequirementView {
    const a = { ...input, comment: input.comment.trim(), evidence: input.evidence.trim() };
    if (a.answer === 'ej_tillampligt' && !a.comment) fail('NOT_APPLICABLE_NEEDS_MOTIVATION', 'ej_tillampligt needs a motivation');
    const r = this.derive(this.object(objectId)).items.find((x) => x.r.key === a.key)?.r;
    if (!r) fail('REQUIREMENT_NOT_APPLICABLE', a.key);
    const mine = this.answers.get(objectId) ?? new Map<string, Assessment>();
    this.answers.set(objectId, mine.set(a.key, a));
    const existing = this.actions.find((x) => x.object_id === objectId && x.requirement_key === a.key);
    if (NEEDS_ACTION.includes(a.answer) && !existing) {
      this.actions.push({
        id: newId(), object_id: objectId, seq: ++this.seq, requirement_key: r.key, measure: r.ar_sv, responsible: '',
        due: null, priority: r.obligation === 'ska' ? 'hog' : 'medel', status: 'ej_paborjad', notes: '',
      });
    } else if (!NEEDS_ACTION.includes(a.answer) && existing) {
      const untouched = existing.status === 'ej_paborjad' && !existing.responsible && !existing.notes && existing.due === null;
      if (untouched) this.actions = this.actions.filter((x) => x !== existing);
    }
    return this.view(objectId);
  }

  /** Store::clear_assessment: the requirement is unanswered again; its untouched action goes. */
  clearAssessment(objectId: string, key: string): RequirementView {
    this.answers.get(objectId)?.delete(key);
    const existing = this.actions.find((x) => x.object_id === objectId && x.requirement_key === key);
    const untouched = existing && existing.status === 'ej_paborjad' && !existing.responsible && !existing.notes && existing.due === null;
    if (untouched) this.actions = this.actions.filter((x) => x !== existing);
    return this.view(objectId);
  }

  setLocalHow(key: string, how: string): null {
    if (how.trim()) this.localHow.set(key, how.trim());
    else this.localHow.delete(key);
    return null;
  }

  plan(objectId: string): Action[] {
    this.object(objectId);
    const today = this.db.today;
    return this.actions
      .filter((a) => a.object_id === objectId)
      .sort((a, b) =>
        a.due === b.due ? RANK[a.priority] - RANK[b.priority] || a.seq - b.seq : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1,
      )
      .map(({ object_id: _o, seq: _s, ...a }) => ({ ...a, overdue: a.due !== null && a.due < today && a.status !== 'klar' }));
  }

  saveAction(objectId: string, input: ActionInput): Action[] {
    this.object(objectId);
    if (!input.measure.trim()) fail('INVALID_INPUT', 'an action needs a measure');
    const due = input.due?.trim() || null;
    if (due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) fail('INVALID_INPUT', `"${due}" is not a date (YYYY-MM-DD)`);
    const fields = {
      measure: input.measure.trim(), responsible: input.responsible.trim(), due, priority: input.priority,
      status: input.status, notes: input.notes.trim(),
    };
    if (input.id) {
      const old = this.actions.find((a) => a.id === input.id && a.object_id === objectId) ?? fail('NOT_FOUND', input.id);
      Object.assign(old, fields);
    } else {
      this.actions.push({ id: newId(), object_id: objectId, seq: ++this.seq, requirement_key: input.requirement_key, ...fields });
    }
    return this.plan(objectId);
  }

  /** Adds an action for a risk (save_risk's new_actions); returns its id. */
  addRiskAction(objectId: string, measure: string, priority: Priority, notes: string): string {
    const id = newId();
    this.actions.push({ id, object_id: objectId, seq: ++this.seq, requirement_key: null, measure, responsible: '', due: null, priority, status: 'ej_paborjad', notes });
    return id;
  }

  deleteAction(objectId: string, actionId: string): Action[] {
    if (!this.actions.some((a) => a.id === actionId && a.object_id === objectId)) fail('NOT_FOUND', actionId);
    this.actions = this.actions.filter((a) => a.id !== actionId);
    return this.plan(objectId);
  }
}
