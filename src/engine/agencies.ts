// The rules whose text is about the owning agency rather than one system (catalogue `agency`; BUD-04,
// the agency's average security spending). A run cannot hold its systems' reports (a streamed run
// writes each away as it is checked), so each system leaves a small summary here — the record the
// policy's `summaries` gives (a few numbers) and where its descriptor names the agency — and the
// per-agency entrypoint (policies/tuanthu/portfolio) judges each agency over them once, at the end.
// Memory: one small record per system with a descriptor, O(systems), none of a report.
import type { Catalogue, RuleMeta } from './catalogue.js';
import type { PolicyEngine, PolicyResult } from './policy-engine.js';
import { isBlocking } from './exit-code.js';
import { compileRuleSettings, hasRuleSettings } from './rule-settings.js';
import { compareFindings, findingOf, rawParams, ruleOf, worstOutcomes } from './system-report.js';
import { t } from '../i18n/index.js';
import type { LoadedSource } from '../model/source.js';
import {
  AGENCY_ID_PREFIX,
  type AgencyReport,
  type EvaluationOptions,
  type Finding,
  type Location,
  type RuleResult,
} from '../model/types.js';
import { compareText } from '../util/collate.js';
import { comparableName } from '../util/text.js';

/** What one system leaves for the agency step; plain data, so a worker thread can send it. */
export interface AgencySummary {
  /** system.owner as the descriptor declares it (agencies are told apart by this text). */
  agency: string;
  /** Where the descriptor names the agency (/system/owner). */
  at: Location;
  /** By rule key, the policy's summary of this system. */
  rows: Record<string, unknown>;
}

/** The agency-level rules of a catalogue. */
export function agencyRules(catalogue: Catalogue): RuleMeta[] {
  return catalogue.rules.filter((m) => m.level === 'agency');
}

/** A system's summary for the agency step, when the policy gave one and the descriptor names its agency. */
export function agencySummary(source: LoadedSource | null, policy: PolicyResult): AgencySummary | undefined {
  const rows = policy.summaries;
  if (!source || !rows) return undefined;
  let any = false;
  for (const _ in rows) any = true;
  const owner = (source.value as { system?: { owner?: unknown } }).system?.owner;
  if (!any || typeof owner !== 'string') return undefined;
  return { agency: owner, at: { file: source.file, ...source.locate('/system/owner') }, rows };
}

interface Group {
  /** The owner as written where `at` is (the agency's first descriptor in file order). */
  owner: string;
  at: Location;
  systems: number;
  rows: Record<string, unknown[]>;
}

/** Gathers the summaries of a run's systems, in any order, and judges every agency at the end. */
export class AgencyCollector {
  private readonly groups = new Map<string, Group>();

  add(s: AgencySummary | undefined): void {
    if (!s) return;
    // Told apart by comparableName, so that spacing or Unicode form does not split one agency in two.
    const key = comparableName(s.agency);
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { owner: s.agency, at: s.at, systems: 0, rows: {} }));
    // Located at, and named as in, the agency's first descriptor in file order, whichever thread checked it first.
    else if (compareText(s.at.file, g.at.file) < 0) {
      g.at = s.at;
      g.owner = s.agency;
    }
    g.systems++;
    for (const k in s.rows) (g.rows[k] ??= []).push(s.rows[k]);
  }

  /**
   * Every agency's report, in the order of their first descriptors (by file); empty when the run evaluates no
   * agency-level rule. Throws PolicyError.
   */
  finish(engine: PolicyEngine, catalogue: Catalogue, options: EvaluationOptions): AgencyReport[] {
    const settings = hasRuleSettings(options.rules) ? compileRuleSettings(options.rules, catalogue) : undefined;
    const rules = agencyRules(catalogue).filter((m) => !settings?.excluded.has(m.id));
    if (rules.length === 0) return [];
    const out: AgencyReport[] = [];
    // In the order of their first descriptors, as systems are by file: an owner's text (which a descriptor
    // controls) does not move an agency before another. Two agencies never share a first descriptor.
    const order = [...this.groups.entries()].sort(
      ([a, x], [b, y]) => compareText(x.at.file, y.at.file) || compareText(a, b),
    );
    for (const [agency, g] of order) {
      // In a fixed order, whatever order the threads finished in: sums of amounts must not depend on it.
      const summaries: Record<string, unknown[]> = {};
      for (const k in g.rows) summaries[k] = sortRows(g.rows[k]!);
      const raws = engine.evaluateAgency({ agency: g.owner, summaries, context: { as_of: options.asOf, days: {} } });
      out.push(agencyReport(agency, g, raws, rules, catalogue, options, settings));
    }
    return out;
  }
}

function sortRows(rows: unknown[]): unknown[] {
  return rows
    .map((r) => [JSON.stringify(r), r] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, r]) => r);
}

function agencyReport(
  key: string,
  g: Group,
  raws: PolicyResult['findings'],
  rules: RuleMeta[],
  catalogue: Catalogue,
  options: EvaluationOptions,
  settings: ReturnType<typeof compileRuleSettings> | undefined,
): AgencyReport {
  const id = AGENCY_ID_PREFIX + key;
  const agency = g.owner;
  const findings: Finding[] = raws.map((raw) => {
    const meta = ruleOf(catalogue, raw);
    return findingOf(raw, meta, rawParams(raw, meta), { id, location: g.at, lang: options.lang, settings });
  });
  findings.sort(compareFindings);
  const outcomes = worstOutcomes(findings);
  const results: RuleResult[] = rules.map((meta) => {
    const status = outcomes.get(meta.id);
    return { rule: meta.id, outcome: status === undefined ? 'pass' : status === 'violation' ? 'fail' : status };
  });
  return {
    file: g.at.file,
    id,
    name: t('report.agency_name', { agency, systems: g.systems }, options.lang),
    owner: agency,
    systems: g.systems,
    result: agencyResult(findings, results, options.failOn),
    metrics: {},
    findings,
    rules: results,
    inputs: [],
  };
}

/**
 * An agency's verdict: fail on a blocking violation (a waived one is not: engine/debt.ts gives the
 * finding its waiver first); unknown when no rule could be decided (each is unknown), so that an
 * agency nothing was judged of never reads as a pass; pass otherwise.
 */
export function agencyResult(
  findings: Finding[],
  rules: RuleResult[],
  failOn: EvaluationOptions['failOn'],
): AgencyReport['result'] {
  if (findings.some((f) => isBlocking(f, failOn))) return 'fail';
  return rules.length > 0 && rules.every((r) => r.outcome === 'unknown') ? 'unknown' : 'pass';
}
