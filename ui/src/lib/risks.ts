// Vocabularies and helpers for the risk analysis. The backend decides; the UI uses the same
// rules only to show what a choice will mean before it is saved.
import type { Acceptance } from './bindings/Acceptance';
import type { AnalysisInput } from './bindings/AnalysisInput';
import type { Aspect } from './bindings/Aspect';
import type { Band } from './bindings/Band';
import type { ErrorBody } from './bindings/ErrorBody';
import type { ErrorCode } from './bindings/ErrorCode';
import type { InformationSet } from './bindings/InformationSet';
import type { PerAspect } from './bindings/PerAspect';
import type { Risk } from './bindings/Risk';
import type { RiskAnalysisView } from './bindings/RiskAnalysisView';
import type { RiskIssueCode } from './bindings/RiskIssueCode';
import type { RiskMatrix } from './bindings/RiskMatrix';
import type { RiskView } from './bindings/RiskView';
import type { Step } from './bindings/Step';
import type { Threat } from './bindings/Threat';
import type { Treatment } from './bindings/Treatment';
import { named, t, tCode } from './i18n/index.svelte';

export type { ThreatOrigin } from './bindings/ThreatOrigin';
export const threatOrigins = (v: RiskAnalysisView) => v.origins;

/** The analysis header as the user edits it (AnalysisInput without the threats in scope). */
export type HeaderFields = Omit<AnalysisInput, 'in_scope'>;

/** A cell of one of the heat maps. */
export type MapCell = { map: 'inherent' | 'residual'; p: number; c: number };

export const TREATMENTS: Treatment[] = ['acceptera', 'reducera', 'undvika', 'overfora'];

export { named } from './i18n/index.svelte';

export function bandOf(m: RiskMatrix, value: number): Band | undefined {
  return m.bands.find((b) => value >= b.min && value <= b.max);
}

/** The band's position from the lowest (0) up, for its colour; any number of bands works. */
export function bandTone(m: RiskMatrix, key: string | null | undefined): number {
  const sorted = [...m.bands].sort((a, b) => a.min - b.min);
  const i = sorted.findIndex((b) => b.key === key);
  if (i < 0) return -1;
  return sorted.length <= 1 ? 0 : Math.round((i * 3) / (sorted.length - 1));
}

export const stepName = (steps: Step[], value: number | null | undefined): string => {
  const s = steps.find((x) => x.value === value);
  return s ? named(s) : '';
};

export function roleName(m: RiskMatrix, key: string): string {
  const r = m.roles.find((x) => x.key === key);
  return r ? named(r) : key;
}

/** The role that may accept the top band; the organisation names it (e.g. Regiondirektör). */
export const TOP_MANAGEMENT_ROLE = 'hogsta-ledning';

/** Who accepted, as the role was called then (older acceptances: the matrix's name now). */
export function acceptedAs(m: RiskMatrix, a: Acceptance): string {
  return a.role_title || roleName(m, a.role);
}

/**
 * The consequence the classification implies (as the backend computes it): level 0–3 of a
 * threatened aspect gives consequence 1–4, the highest over the aspects; over the named sets'
 * own levels when sets are named, else over the object's profile. Null when nothing is classified.
 */
export function defaultConsequence(
  aspects: Aspect[],
  setIds: string[],
  sets: InformationSet[],
  objectLevels: PerAspect<number | null>,
  maxConsequence: number,
): number | null {
  const namedSets = sets.filter((s) => setIds.includes(s.id));
  const levels = aspects.flatMap((a) => {
    const found = namedSets.length === 0 ? [objectLevels[a]] : namedSets.map((s) => s.levels[a]);
    return found.filter((l): l is number => l !== null);
  });
  return levels.length === 0 ? null : Math.min(Math.max(...levels) + 1, maxConsequence);
}

export function blankRisk(): Risk {
  return {
    id: '',
    threat_key: null,
    cause: '',
    event: '',
    consequence_text: '',
    aspects: [],
    set_ids: [],
    existing_controls: '',
    probability: 0,
    consequence: 0,
    consequence_motivation: '',
    treatment: null,
    treatment_motivation: '',
    requirement_keys: [],
    action_ids: [],
    residual_probability: null,
    residual_consequence: null,
    acceptance: null,
  };
}

/** A new risk prompted by a catalogue threat: its texts and aspects. */
export function riskFromThreat(t: Threat): Risk {
  return {
    ...blankRisk(),
    threat_key: t.key,
    cause: t.cause_sv,
    event: t.name_sv,
    consequence_text: t.consequence_sv,
    aspects: [...t.aspects],
  };
}

/** A text part inside a sentence: first letter in lower case (not for "IT"), no closing full stop. */
export function inSentence(text: string): string {
  const s = text.trim().replace(/[.]+$/, '');
  return s.length > 1 && s[1] !== s[1].toUpperCase() ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Short labels R1, R2, … in the list's order (highest value first), used by the heat maps too. */
export function riskLabels(risks: RiskView[]): Map<string, string> {
  return new Map(risks.map((r, i) => [r.risk.id, `R${i + 1}`]));
}

/** A risk may be accepted as it stands unless accepted already or its band must be treated. */
export const canAccept = (r: RiskView): boolean => r.risk.acceptance === null && r.accept_roles.length > 0;

/** The rule codes a failed save names (BAD_RISK lists them), else the error's own code. */
export function problemCodes(e: ErrorBody): (RiskIssueCode | ErrorCode)[] {
  return e.code === 'BAD_RISK' && Array.isArray(e.details) ? (e.details as RiskIssueCode[]) : [e.code];
}

export function problemText(code: RiskIssueCode | ErrorCode): string {
  return tCode(`riskIssue.${code}`, tCode(`error.${code}`, t('error.unknown')));
}
