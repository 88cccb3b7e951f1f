// A simplified copy of the backend's comparison of two classifications (for browser tests).
import type { Change } from '../bindings/Change';
import type { ClassificationContent } from '../bindings/ClassificationContent';
import type { PerAspect } from '../bindings/PerAspect';
import { ASPECTS, LAGRUM } from '../domain';

const lvl = (l: number | null) => (l === null ? '–' : String(l));

export function diffContent(
  old: ClassificationContent,
  oldLevels: PerAspect<number | null>,
  next: ClassificationContent,
  newLevels: PerAspect<number | null>,
): Change[] {
  const out: Change[] = [];
  const add = (kind: string, subject: string, aspect: Change['aspect'], o: string, n: string) =>
    out.push({ kind, subject, aspect, old: o, new: n });
  for (const a of ASPECTS) {
    if (oldLevels[a] !== newLevels[a]) add('profile', '', a, lvl(oldLevels[a]), lvl(newLevels[a]));
  }
  for (const os of old.sets) {
    const ns = next.sets.find((s) => s.id === os.id);
    if (!ns) {
      add('set_removed', os.name, null, os.name, '');
      continue;
    }
    if (ns.name !== os.name) add('set_renamed', ns.name, null, os.name, ns.name);
    for (const a of ASPECTS) {
      if (os.levels[a] !== ns.levels[a]) add('level', ns.name, a, lvl(os.levels[a]), lvl(ns.levels[a]));
      if (os.motivations[a] !== ns.motivations[a]) add('motivation', ns.name, a, os.motivations[a], ns.motivations[a]);
    }
  }
  for (const ns of next.sets.filter((n) => !old.sets.some((o) => o.id === n.id))) {
    add('set_added', ns.name, null, '', ns.name);
  }
  for (const l of LAGRUM) {
    const o = old.lagrum.find((d) => d.lagrum === l)?.status ?? '';
    const n = next.lagrum.find((d) => d.lagrum === l)?.status ?? '';
    if (o !== n) add('lagrum', l, null, o, n);
  }
  return out;
}
