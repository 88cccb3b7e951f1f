// A simplified copy of the backend's derivation, for browser tests only: max per aspect,
// accepted lagrum minimums and uplifts; a subset of the approval issues.
import type { Aspect } from '../bindings/Aspect';
import type { ClassificationContent } from '../bindings/ClassificationContent';
import type { Issue } from '../bindings/Issue';
import type { Lagrum } from '../bindings/Lagrum';
import type { ObjectMeta } from '../bindings/ObjectMeta';
import type { Origin } from '../bindings/Origin';
import type { PerAspect } from '../bindings/PerAspect';
import type { Profile } from '../bindings/Profile';
import type { Suggestion } from '../bindings/Suggestion';
import { ASPECTS, perAspect } from '../domain';

const SECURITY_LEVEL = 4;

const MINIMUMS: Record<Lagrum, [Aspect, number][]> = {
  osl_sekretess: [['K', 2]],
  gdpr_sarskilda: [['K', 2], ['S', 2]],
  patientdatalagen: [['S', 2]],
  sakerhetsskydd: [['K', 4]],
  nis2: [['T', 2]],
};

const originLevel = (o: Origin) => o.level;

export function profileText(levels: PerAspect<number | null>): string {
  return ASPECTS.map((a) => `${a}${levels[a] ?? '–'}`).join(' ');
}

export function deriveProfile(c: ClassificationContent): Profile {
  const setMax = perAspect((a) => {
    const values = c.sets.map((s) => s.levels[a]).filter((l): l is number => l !== null);
    return values.length ? Math.max(...values) : null;
  });
  const suggestions: Suggestion[] = c.lagrum.flatMap((d) =>
    MINIMUMS[d.lagrum].map(([aspect, min]) => ({
      lagrum: d.lagrum,
      aspect,
      min_level: min,
      current: setMax[aspect],
      met: setMax[aspect] !== null && setMax[aspect]! >= min,
      status: d.status,
    })),
  );
  const origins = perAspect<Origin[]>(() => []);
  const levels = perAspect<number | null>((a) => {
    const candidates: Origin[] = [
      ...c.sets.flatMap((s) => (s.levels[a] === null ? [] : [{ kind: 'set' as const, set_id: s.id, name: s.name, level: s.levels[a]! }])),
      ...suggestions
        .filter((s) => s.aspect === a && s.status === 'accepted')
        .map((s) => ({ kind: 'lagrum' as const, lagrum: s.lagrum, level: s.min_level })),
    ];
    const u = c.uplifts[a];
    if (u) candidates.push({ kind: 'uplift', reason: u.reason, level: u.level });
    if (candidates.length === 0) return null;
    const top = Math.max(...candidates.map(originLevel));
    origins[a] = candidates.filter((o) => o.level === top);
    return top;
  });
  const security = ASPECTS.filter((a) => (levels[a] ?? -1) >= SECURITY_LEVEL);
  return {
    levels,
    text: profileText(levels),
    origins,
    set_max: setMax,
    suggestions,
    security_aspects: security,
    requirements_suppressed: security.length > 0,
    complete: c.sets.length > 0 && c.sets.every((s) => ASPECTS.every((a) => s.levels[a] !== null)),
  };
}

export function approvalIssues(meta: ObjectMeta, c: ClassificationContent): Issue[] {
  const issue = (code: string, extra: Partial<Issue> = {}): Issue => ({
    code, set_id: null, set_name: null, aspect: null, lagrum: null, ...extra,
  });
  const out: Issue[] = [];
  if (!meta.name.trim()) out.push(issue('OBJECT_NAME_MISSING'));
  if (c.sets.length === 0) out.push(issue('NO_SETS'));
  for (const s of c.sets) {
    for (const a of ASPECTS) {
      const at = { set_id: s.id, set_name: s.name, aspect: a };
      if (s.levels[a] === null) out.push(issue('LEVEL_MISSING', at));
      else if (!s.motivations[a].trim()) out.push(issue('MOTIVATION_MISSING', at));
    }
  }
  for (const a of ASPECTS) {
    const u = c.uplifts[a];
    if (u && !u.motivation.trim()) out.push(issue('UPLIFT_MOTIVATION_MISSING', { aspect: a }));
  }
  const profile = deriveProfile(c);
  for (const d of c.lagrum) {
    const unmet = profile.suggestions.some((s) => s.lagrum === d.lagrum && !s.met);
    if (d.status === 'pending' && unmet) out.push(issue('LAGRUM_UNDECIDED', { lagrum: d.lagrum }));
    if (d.status === 'declined' && !d.reason.trim()) out.push(issue('LAGRUM_REASON_MISSING', { lagrum: d.lagrum }));
  }
  return out;
}
