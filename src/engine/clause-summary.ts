// The per-document, per-clause view an inspector files: for each item of the seeds that rules
// check (seeds/coverage.yaml), whether the run's systems meet it, and the clause and document totals.
import type { Report, RuleResult, SystemReport } from '../model/types.js';
import type { Catalogue } from './catalogue.js';
import { DOCUMENTS } from './clauses.js';
import { type Coverage, decisionOf, unitKey } from './coverage.js';

/** How an item stands: worst over its rules within a system, and over the systems of the run. */
export type ItemStatus = 'not_met' | 'waived' | 'due' | 'met' | 'not_applicable';
const ORDER: ItemStatus[] = ['not_met', 'waived', 'due', 'met', 'not_applicable'];

export interface ClauseTally {
  not_met: number;
  waived: number;
  due: number;
  met: number;
  not_applicable: number;
  /** Items of the clause that are checkable but no rule checks yet (coverage `open`). */
  unchecked: number;
  /** Earliest deadline among the items still due. */
  dueBy?: string;
}

export interface ClauseSummary extends ClauseTally {
  clause: string;
  section: string;
}

export interface DocumentSummary extends ClauseTally {
  document: string;
  number: string;
  clauses: ClauseSummary[];
}

const empty = (): ClauseTally => ({ not_met: 0, waived: 0, due: 0, met: 0, not_applicable: 0, unchecked: 0 });

function ruleStatus(s: SystemReport, r: RuleResult): ItemStatus {
  if (r.outcome === 'fail') {
    const open = s.findings.some((f) => f.rule === r.rule && f.status === 'violation' && f.waiver === undefined);
    return open ? 'not_met' : 'waived';
  }
  if (r.outcome === 'due') return 'due';
  if (r.outcome === 'pass') return 'met';
  return 'not_applicable';
}

/** A system's status for an item its rules check: the worst rule, not applicable only when all are. */
function itemStatus(s: SystemReport, rules: string[]): ItemStatus {
  let worst: ItemStatus = 'not_applicable';
  for (const id of rules) {
    const r = s.rules.find((x) => x.rule === id);
    if (!r) continue;
    const st = ruleStatus(s, r);
    if (ORDER.indexOf(st) < ORDER.indexOf(worst)) worst = st;
  }
  return worst;
}

/**
 * The documents in citation order, each with its clauses in seeds order; only clauses that have
 * items rules check, or items left open. Empty when the report has no system. An agency judged over
 * the run's systems (Report.agencies: BUD-04) counts as a system here: its rule is not applicable to
 * each system, so without it an item such as KH04:IV.5 would read as met when the agency fails it.
 */
export function clauseSummary(
  report: Pick<Report, 'systems' | 'agencies'>,
  coverage: Coverage,
  catalogue: Catalogue,
): DocumentSummary[] {
  if (report.systems.length === 0) return [];
  const judged: SystemReport[] = [...report.systems, ...(report.agencies ?? [])];
  const byClause = new Map<string, ClauseSummary>();
  const dueOf = (rules: string[], own?: string) =>
    own ??
    rules
      .map((r) => catalogue.byId.get(r)?.due)
      .filter((d): d is string => Boolean(d))
      .sort()[0];
  const seen = new Set<string>();
  for (const e of coverage.entries) {
    const decision = decisionOf(e);
    if (decision !== 'rules' && decision !== 'open') continue;
    const key = unitKey(e.clause, e.item);
    if (seen.has(key)) continue;
    seen.add(key);
    let c = byClause.get(e.clause);
    if (!c) {
      c = { clause: e.clause, section: e.clause.split(':')[1] ?? e.clause, ...empty() };
      byClause.set(e.clause, c);
    }
    if (decision === 'open') {
      c.unchecked++;
      continue;
    }
    const rules = e.rules ?? [];
    let worst: ItemStatus = 'not_applicable';
    for (const s of judged) {
      const st = itemStatus(s, rules);
      if (ORDER.indexOf(st) < ORDER.indexOf(worst)) worst = st;
    }
    c[worst]++;
    if (worst === 'due') {
      const d = dueOf(rules, e.due);
      if (d && (!c.dueBy || d < c.dueBy)) c.dueBy = d;
    }
  }
  const docs = new Map<string, DocumentSummary>();
  for (const c of byClause.values()) {
    const key = c.clause.split(':')[0] ?? '';
    let d = docs.get(key);
    if (!d) {
      d = { document: key, number: DOCUMENTS[key]?.number ?? key, clauses: [], ...empty() };
      docs.set(key, d);
    }
    d.clauses.push(c);
    for (const k of ['not_met', 'waived', 'due', 'met', 'not_applicable', 'unchecked'] as const) d[k] += c[k];
    if (c.dueBy && (!d.dueBy || c.dueBy < d.dueBy)) d.dueBy = c.dueBy;
  }
  const order = Object.keys(DOCUMENTS);
  return [...docs.values()].sort((a, b) => order.indexOf(a.document) - order.indexOf(b.document));
}

/** Items whose status is decided for this run (not "not applicable", not unchecked). */
export function applicable(t: ClauseTally): number {
  return t.not_met + t.waived + t.due + t.met;
}
