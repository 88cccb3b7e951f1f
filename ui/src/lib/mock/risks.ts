// The mock's risk analyses, with the backend's rules (crates/store/src/risks.rs): one analysis
// per object under the matrix it started with; consequences default from the current
// classification and are flagged for review when it changes; the same validation codes;
// acceptance by the band of the residual (else inherent) value and the role.
import type { AnalysisHeader } from '../bindings/AnalysisHeader';
import type { AnalysisInput } from '../bindings/AnalysisInput';
import type { Risk } from '../bindings/Risk';
import type { RiskAnalysisView } from '../bindings/RiskAnalysisView';
import type { RiskInput } from '../bindings/RiskInput';
import type { RiskMatrix } from '../bindings/RiskMatrix';
import { newId } from '../draft';
import { bandOf, defaultConsequence } from '../risks';
import { fail } from './db';
import { deriveProfile, profileText } from './derive';
import type { MockRequirements } from './requirements';
import { MATRIX } from './risk-data';
import type { MockThreats } from './threats';

type Stored = { risk: Risk; source: 'classification' | 'manual'; seq: number };
type Analysis = { header: AnalysisHeader; matrix: RiskMatrix; inScope: string[]; risks: Stored[] };

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const value = (r: Risk) => r.probability * r.consequence;
const residualValue = (r: Risk) =>
  r.residual_probability !== null && r.residual_consequence !== null ? r.residual_probability * r.residual_consequence : null;
const valueToAccept = (r: Risk) => residualValue(r) ?? value(r);
const inRange = (v: number, max: number) => Number.isInteger(v) && v >= 1 && v <= max;

/** core::risk::risk_issues, in the same order. */
function riskIssues(r: Risk, m: RiskMatrix, def: number | null): string[] {
  const [maxP, maxC] = [m.probability.length, m.consequence.length];
  const out: string[] = [];
  if (!r.event.trim()) out.push('RISK_EVENT_MISSING');
  if (r.aspects.length === 0) out.push('RISK_ASPECT_MISSING');
  if (!inRange(r.probability, maxP)) out.push('PROBABILITY_OUT_OF_MATRIX');
  if (!inRange(r.consequence, maxC)) out.push('CONSEQUENCE_OUT_OF_MATRIX');
  if (def !== null && def !== r.consequence && !r.consequence_motivation.trim()) out.push('CONSEQUENCE_CHANGE_NEEDS_MOTIVATION');
  if (r.treatment !== null && !r.treatment_motivation.trim()) out.push('TREATMENT_NEEDS_MOTIVATION');
  const ok = (v: number | null, max: number) => v === null || inRange(v, max);
  if (!ok(r.residual_probability, maxP) || !ok(r.residual_consequence, maxC)) out.push('RESIDUAL_OUT_OF_MATRIX');
  return out;
}

export class MockRisks {
  private analyses = new Map<string, Analysis>();
  private seq = 0;

  constructor(private readonly req: MockRequirements, private readonly catalog: MockThreats, private readonly now: () => string) {}

  /** How many risks, over all analyses, were made from each threat. */
  threatUsage(): Map<string, number> {
    const used = new Map<string, number>();
    for (const a of this.analyses.values()) {
      for (const { risk } of a.risks) if (risk.threat_key) used.set(risk.threat_key, (used.get(risk.threat_key) ?? 0) + 1);
    }
    return used;
  }

  private classification(objectId: string) {
    const o = this.req.object(objectId);
    const c = o.classifications[o.classifications.length - 1];
    return { o, sets: c.content.sets, levels: deriveProfile(c.content).levels };
  }

  private analysis(objectId: string, missing: string): Analysis {
    this.req.object(objectId);
    return this.analyses.get(objectId) ?? fail('NOT_FOUND', `not found: ${missing}`, { name: missing });
  }

  private stored(a: Analysis, riskId: string): Stored {
    return a.risks.find((s) => s.risk.id === riskId) ?? fail('NOT_FOUND', `not found: ${riskId}`, { name: riskId });
  }

  view(objectId: string): RiskAnalysisView {
    const { o, sets, levels } = this.classification(objectId);
    const a = this.analyses.get(objectId);
    const m = a?.matrix ?? MATRIX;
    const grid = () => m.probability.map(() => m.consequence.map(() => [] as string[]));
    const [inherent, residual] = [grid(), grid()];
    const place = (g: string[][][], p: number, c: number, id: string) => {
      if (inRange(p, m.probability.length) && inRange(c, m.consequence.length)) g[p - 1][c - 1].push(id);
    };
    const band = (v: number) => bandOf(m, v)?.key ?? '';
    const sorted = [...(a?.risks ?? [])].sort((x, y) => value(y.risk) - value(x.risk) || x.seq - y.seq);
    const risks = sorted.map(({ risk, source }) => {
      const def = defaultConsequence(risk.aspects, risk.set_ids, sets, levels, m.consequence.length);
      place(inherent, risk.probability, risk.consequence, risk.id);
      place(residual, risk.residual_probability ?? risk.probability, risk.residual_consequence ?? risk.consequence, risk.id);
      const rv = residualValue(risk);
      return {
        risk: copy(risk), value: value(risk), band: band(value(risk)), residual_value: rv, residual_band: rv === null ? null : band(rv),
        default_consequence: def,
        needs_review: source === 'classification' && def !== null && def !== risk.consequence ? { old: risk.consequence, new: def } : null,
        threat_name: this.catalog.threats.find((t) => t.key === risk.threat_key)?.name_sv ?? null,
        accept_roles: [...(bandOf(m, valueToAccept(risk))?.accept_roles ?? [])],
      };
    });
    return {
      object_id: objectId, object_name: o.meta.name, profile: profileText(levels), analysis: a ? copy(a.header) : null,
      matrix: copy(m), origins: copy(this.catalog.origins), threats: copy(this.catalog.threats),
      in_scope: [...(a?.inScope ?? [])], sets: sets.map((s) => ({ id: s.id, name: s.name })), risks, inherent, residual,
    };
  }

  saveAnalysis(objectId: string, input: AnalysisInput): RiskAnalysisView {
    this.req.object(objectId);
    const date = input.analysis_date || null;
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('INVALID_INPUT', `invalid input: "${date}" is not a date (YYYY-MM-DD)`);
    const fields = {
      purpose: input.purpose.trim(), scope: input.scope.trim(), analysis_date: date, participants: [...input.participants],
      risk_owner: input.risk_owner.trim(), status: 'utkast',
    };
    const a = this.analyses.get(objectId);
    if (a) {
      Object.assign(a.header, fields);
      a.inScope = [...input.in_scope];
    } else {
      const header = { id: newId(), matrix_id: MATRIX.id, matrix_version: MATRIX.version, ...fields, approved_by: null, approved_at: null };
      this.analyses.set(objectId, { header, matrix: copy(MATRIX), inScope: [...input.in_scope], risks: [] });
    }
    return this.view(objectId);
  }

  saveRisk(objectId: string, input: RiskInput): RiskAnalysisView {
    if (!this.analyses.has(objectId)) {
      this.saveAnalysis(objectId, { purpose: '', scope: '', analysis_date: null, participants: [], risk_owner: '', in_scope: [] });
    }
    const a = this.analyses.get(objectId)!;
    const { sets, levels } = this.classification(objectId);
    const risk = copy(input.risk);
    risk.set_ids = risk.set_ids.filter((id) => sets.some((s) => s.id === id));
    const def = defaultConsequence(risk.aspects, risk.set_ids, sets, levels, a.matrix.consequence.length);
    const issues = riskIssues(risk, a.matrix, def);
    if (issues.length > 0) fail('BAD_RISK', `the risk cannot be saved: ${issues.join(', ')}`, issues);
    const unknown = risk.requirement_keys.find((k) => !this.req.catalog.some((r) => r.key === k));
    if (unknown) fail('NOT_FOUND', `not found: ${unknown}`, { name: unknown });
    const old = risk.id ? this.stored(a, risk.id) : null;
    if (!old) risk.id = newId();
    // An acceptance lapses when what was accepted changes.
    const same = (o: Stored) => valueToAccept(o.risk) === valueToAccept(risk) && o.risk.treatment === risk.treatment;
    risk.acceptance = old && same(old) ? old.risk.acceptance : null;
    const own = new Set(this.req.plan(objectId).map((x) => x.id));
    const missing = risk.action_ids.find((id) => !own.has(id));
    if (missing) fail('NOT_FOUND', `not found: ${missing}`, { name: missing });
    for (const measure of input.new_actions.map((x) => x.trim()).filter(Boolean)) {
      const priority = value(risk) >= 8 ? 'hog' : 'medel';
      risk.action_ids.push(this.req.addRiskAction(objectId, measure, priority, `Från risk: ${risk.event.trim()}`));
    }
    const source = def === risk.consequence ? 'classification' : 'manual';
    if (old) Object.assign(old, { risk, source });
    else a.risks.push({ risk, source, seq: ++this.seq });
    a.header.status = 'utkast';
    return this.view(objectId);
  }

  deleteRisk(objectId: string, riskId: string): RiskAnalysisView {
    const a = this.analysis(objectId, riskId);
    this.stored(a, riskId);
    a.risks = a.risks.filter((s) => s.risk.id !== riskId);
    return this.view(objectId);
  }

  acceptRisk(objectId: string, riskId: string, role: string, name: string): RiskAnalysisView {
    if (!name.trim()) fail('INVALID_INPUT', 'invalid input: say who accepts the risk');
    const a = this.analysis(objectId, riskId);
    const s = this.stored(a, riskId);
    if (!bandOf(a.matrix, valueToAccept(s.risk))?.accept_roles.includes(role)) {
      fail('ACCEPTANCE_NOT_ALLOWED', `the role ${role} may not accept a risk of this size`, { role });
    }
    s.risk.acceptance = { role, name: name.trim(), at: this.now() };
    return this.view(objectId);
  }

  approve(objectId: string, by: string): RiskAnalysisView {
    if (!by.trim()) fail('INVALID_INPUT', 'invalid input: say who approves the analysis');
    const a = this.analysis(objectId, objectId);
    Object.assign(a.header, { status: 'faststalld', approved_by: by.trim(), approved_at: this.now() });
    return this.view(objectId);
  }
}
