// The in-memory backend used by the mock build: the same commands and errors as the real one,
// with simplified rules (see derive.ts).
import type { ClassificationContent } from '../bindings/ClassificationContent';
import type { ClassificationView } from '../bindings/ClassificationView';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { HistoryEntry } from '../bindings/HistoryEntry';
import type { NewObject } from '../bindings/NewObject';
import type { ObjectDetail } from '../bindings/ObjectDetail';
import type { ObjectFilter } from '../bindings/ObjectFilter';
import type { ObjectList } from '../bindings/ObjectList';
import type { ObjectMeta } from '../bindings/ObjectMeta';
import type { PerAspect } from '../bindings/PerAspect';
import type { Status } from '../bindings/Status';
import { newId } from '../draft';
import { approvalIssues, deriveProfile, profileText } from './derive';
import { diffContent } from './diff';

type Classification = {
  id: string;
  version: number;
  status: Status;
  content: ClassificationContent;
  /** The facts as approved; null while a draft (then the live facts apply). */
  meta: ObjectMeta | null;
  levels: PerAspect<number | null>;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
};
export type MockObject = { id: string; meta: ObjectMeta; classifications: Classification[]; updated_at: string };

export function fail(code: string, message: string, details: unknown = null): never {
  throw { code, message, details } satisfies ErrorBody;
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

export class MockDb {
  objects = new Map<string, MockObject>();
  private log: { objectId: string; entry: HistoryEntry }[] = [];

  constructor(readonly today: string, readonly user: string) {}

  now(): string {
    return new Date().toISOString();
  }

  private audit(objectId: string, action: string, entity: string, entityId: string, old: unknown, next: unknown) {
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    const entry = { id: this.log.length + 1, at: this.now(), actor: this.user, action, entity, entity_id: entityId, old: json(old), new: json(next) };
    this.log.push({ objectId, entry });
  }

  private find(id: string): MockObject {
    return this.objects.get(id) ?? fail('NOT_FOUND', `no object ${id}`);
  }

  private current(o: MockObject): Classification {
    return o.classifications[o.classifications.length - 1];
  }

  private normaliseMeta(meta: ObjectMeta, exceptId: string | null): ObjectMeta {
    const m = copy(meta);
    m.name = m.name.trim();
    if (!m.name) fail('INVALID_INPUT', 'the object needs a name');
    m.participants = m.participants.map((s) => s.trim()).filter(Boolean);
    m.tags = m.tags.map((s) => s.trim()).filter(Boolean);
    for (const o of this.objects.values()) {
      if (o.id !== exceptId && o.meta.name.toLowerCase() === m.name.toLowerCase()) fail('NAME_TAKEN', m.name);
    }
    return m;
  }

  private normaliseContent(content: ClassificationContent): ClassificationContent {
    const c = copy(content);
    for (const s of c.sets) {
      s.name = s.name.trim();
      if (!s.id) s.id = newId();
    }
    return c;
  }

  /** Adds an object directly (seed data); no checks. */
  insert(o: MockObject): void {
    this.objects.set(o.id, o);
    this.audit(o.id, 'create', 'object', o.id, null, { meta: o.meta });
  }

  newClassification(version: number, content: ClassificationContent): Classification {
    return {
      id: newId(), version, status: 'utkast', content, meta: null, levels: deriveProfile(content).levels,
      created_at: this.now(), approved_by: null, approved_at: null,
    };
  }

  list(filter: ObjectFilter): ObjectList {
    const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const items = [...this.objects.values()]
      .filter((o) => {
        const m = o.meta;
        const c = this.current(o);
        const text = [m.name, m.description, m.unit, m.information_owner, m.system_owner, m.system_administrator, m.supplier, ...m.tags]
          .join(' ')
          .toLowerCase();
        return (
          words.every((w) => text.includes(w)) &&
          (!filter.kind || m.kind === filter.kind) &&
          (!filter.unit || m.unit === filter.unit) &&
          (!filter.status || c.status === filter.status) &&
          (!filter.review_overdue || (m.next_review !== null && m.next_review < this.today))
        );
      })
      .sort((a, b) => a.meta.name.toLowerCase().localeCompare(b.meta.name.toLowerCase(), 'sv'))
      .map((o) => {
        const c = this.current(o);
        return {
          id: o.id, name: o.meta.name, kind: o.meta.kind, unit: o.meta.unit, information_owner: o.meta.information_owner,
          status: c.status, levels: c.levels, profile: profileText(c.levels), next_review: o.meta.next_review,
          review_overdue: o.meta.next_review !== null && o.meta.next_review < this.today,
          security_level: Object.values(c.levels).some((l) => l !== null && l >= 4), updated_at: o.updated_at,
        };
      });
    const units = [...new Set([...this.objects.values()].map((o) => o.meta.unit).filter(Boolean))].sort();
    return { items, total: this.objects.size, units };
  }

  private view(o: MockObject, c: Classification): ClassificationView {
    return {
      id: c.id, version: c.version, status: c.status, scale_id: 'klassa4', scale_version: '1.0.0',
      meta: copy(c.meta ?? o.meta), content: copy(c.content), profile: deriveProfile(c.content),
      created_at: c.created_at, approved_by: c.approved_by, approved_at: c.approved_at,
    };
  }

  get(id: string): ObjectDetail {
    const o = this.find(id);
    const cur = this.current(o);
    const prev = cur.status === 'utkast' ? [...o.classifications].reverse().find((c) => c.status === 'faststalld') : undefined;
    return {
      id, meta: copy(o.meta), current: this.view(o, cur), previous_approved: prev ? this.view(o, prev) : null,
      changes: prev ? diffContent(prev.content, prev.levels, cur.content, cur.levels) : [],
      issues: cur.status === 'utkast' ? approvalIssues(o.meta, cur.content) : [],
      versions: [...o.classifications].reverse().map((c) => ({
        id: c.id, version: c.version, status: c.status, profile: profileText(c.levels), created_at: c.created_at,
        approved_by: c.approved_by, approved_at: c.approved_at,
      })),
      review_overdue: o.meta.next_review !== null && o.meta.next_review < this.today,
    };
  }

  create(input: NewObject): ObjectDetail {
    const meta = this.normaliseMeta(input.meta, null);
    const content = this.normaliseContent(input.content);
    const o: MockObject = { id: newId(), meta, classifications: [this.newClassification(1, content)], updated_at: this.now() };
    this.objects.set(o.id, o);
    this.audit(o.id, 'create', 'object', o.id, null, { meta, content });
    return this.get(o.id);
  }

  update(id: string, meta: ObjectMeta): ObjectDetail {
    const o = this.find(id);
    const m = this.normaliseMeta(meta, id);
    if (JSON.stringify(m) !== JSON.stringify(o.meta)) {
      this.audit(id, 'update', 'object', id, o.meta, m);
      o.meta = m;
      o.updated_at = this.now();
    }
    return this.get(id);
  }

  saveDraft(id: string, content: ClassificationContent): ObjectDetail {
    const o = this.find(id);
    const cur = this.current(o);
    if (cur.status !== 'utkast') fail('NOT_DRAFT', 'the current classification is approved');
    const c = this.normaliseContent(content);
    this.audit(id, 'save_draft', 'classification', cur.id, cur.content, c);
    cur.content = c;
    cur.levels = deriveProfile(c).levels;
    o.updated_at = this.now();
    return this.get(id);
  }

  approve(id: string, approvedBy: string): ObjectDetail {
    const o = this.find(id);
    const cur = this.current(o);
    if (cur.status !== 'utkast') fail('NOT_DRAFT', 'already approved');
    if (!approvedBy.trim()) fail('INVALID_INPUT', 'say who approves the classification');
    const issues = approvalIssues(o.meta, cur.content);
    if (issues.length > 0) fail('VALIDATION', 'the classification cannot be approved', issues);
    for (const c of o.classifications) if (c.status === 'faststalld') c.status = 'ersatt';
    Object.assign(cur, { status: 'faststalld', meta: copy(o.meta), approved_by: approvedBy.trim(), approved_at: this.now() });
    this.audit(id, 'approve', 'classification', cur.id, null, { approved_by: approvedBy });
    return this.get(id);
  }

  reclassify(id: string): ObjectDetail {
    const o = this.find(id);
    const cur = this.current(o);
    if (cur.status !== 'faststalld') fail('NOT_DRAFT', 'only an approved classification can be re-classified');
    const next = this.newClassification(cur.version + 1, copy(cur.content));
    o.classifications.push(next);
    this.audit(id, 'reclassify', 'classification', next.id, null, { version: next.version, copied_from: cur.id });
    return this.get(id);
  }

  remove(id: string): void {
    const detail = this.get(id);
    this.objects.delete(id);
    this.audit(id, 'delete', 'object', id, detail, null);
  }

  history(id: string): HistoryEntry[] {
    const entries = this.log.filter((e) => e.objectId === id).map((e) => e.entry);
    if (entries.length === 0) fail('NOT_FOUND', `no history for ${id}`);
    return entries.reverse();
  }
}
