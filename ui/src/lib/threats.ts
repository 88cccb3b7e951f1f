// The threat catalogue screen's helpers: filtering and grouping by origin, the form's input
// and the checks the form makes before asking the backend (the same codes the backend uses).
import type { ErrorCode } from './bindings/ErrorCode';
import type { Threat } from './bindings/Threat';
import type { ThreatEntry } from './bindings/ThreatEntry';
import type { ThreatInput } from './bindings/ThreatInput';
import type { ThreatList } from './bindings/ThreatList';
import type { ThreatOrigin } from './bindings/ThreatOrigin';
import { ASPECTS } from './domain';

export type ThreatFilter = { search: string; origin: string; showRetired: boolean };
export type ThreatGroup = { origin: ThreatOrigin; entries: ThreatEntry[] };

function matches(e: ThreatEntry, f: ThreatFilter, words: string[]): boolean {
  const th = e.threat;
  if (th.retired && !f.showRetired) return false;
  if (f.origin && th.origin !== f.origin) return false;
  const text = [th.key, th.name_sv, th.name_en, th.description_sv, th.cause_sv, th.consequence_sv, th.description_en]
    .join(' ')
    .toLowerCase();
  return words.every((w) => text.includes(w));
}

/** The threats the filter lets through, under their origins in the catalogue's order. */
export function groupThreats(list: ThreatList, f: ThreatFilter): ThreatGroup[] {
  const words = f.search.toLowerCase().split(/\s+/).filter(Boolean);
  return list.origins
    .map((origin) => ({
      origin,
      entries: list.threats.filter((e) => e.threat.origin === origin.key && matches(e, f, words)),
    }))
    .filter((g) => g.entries.length > 0);
}

export function threatInput(th: Threat | null, origin: string): ThreatInput {
  return th
    ? {
        key: th.key,
        origin: th.origin,
        name_sv: th.name_sv,
        name_en: th.name_en,
        description_sv: th.description_sv,
        cause_sv: th.cause_sv,
        consequence_sv: th.consequence_sv,
        description_en: th.description_en,
        cause_en: th.cause_en,
        consequence_en: th.consequence_en,
        aspects: [...th.aspects],
      }
    : {
        key: null,
        origin,
        name_sv: '',
        name_en: '',
        description_sv: '',
        cause_sv: '',
        consequence_sv: '',
        description_en: '',
        cause_en: '',
        consequence_en: '',
        aspects: [],
      };
}

/** What the backend would refuse that the form can see itself. */
export function formProblems(input: ThreatInput): ErrorCode[] {
  const out: ErrorCode[] = [];
  if (!input.name_sv.trim()) out.push('THREAT_NAME_MISSING');
  if (input.aspects.length === 0) out.push('THREAT_ASPECTS_MISSING');
  return out;
}

/** Aspects in the usual K, R, T, S order. */
export const sortedAspects = (list: ThreatInput['aspects']) => ASPECTS.filter((a) => list.includes(a));
