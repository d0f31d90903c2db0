// How a worker thread's results cross to the main thread (src/run/pool.ts). Structured cloning
// costs per object, key and string, and a system's per-rule outcomes are most of its objects (one
// per rule, every system): they travel as one letter per rule in catalogue order plus the distinct
// reasons. Findings travel as tuples without their rule's texts (title, remediation, clauses), which
// the main thread takes from its own catalogue through makeFinding, the one place that fixes a
// finding's shape. Workers never apply waivers or baselines (the main thread does, afterwards), so
// every finding a worker sends is one assembleSystem built.
import type { Catalogue } from '../engine/catalogue.js';
import { makeFinding } from '../engine/system-report.js';
import type { Finding, Lang, RuleOutcome, RuleReason as Reason, RuleResult, SystemReport } from '../model/types.js';
import type { Done } from '../util/share-work.js';
import type { Checked } from './check-files.js';

/** A worker's message: results of some of its files, by index in the run; `done` ends its share. */
export type WorkerMessage = { results: Array<[number, WireChecked]> } | Done;

type WireSystem = Omit<SystemReport, 'rules' | 'findings'> & { packedRules: PackedRules; findings: PackedFinding[] };

/** A Checked whose system carries packed rule outcomes instead of `rules`, and packed findings. */
export type WireChecked = Omit<Checked, 'system'> & { system?: WireSystem };

type PackedFinding = [
  rule: string,
  severity: Finding['severity'],
  ruleSeverity: Finding['severity'],
  status: Finding['status'],
  path: string,
  params: Finding['params'],
  location: Finding['location'],
  message: string,
  fingerprint: string,
  recommendation: boolean,
];

interface PackedRules {
  /** One letter per catalogue rule (LETTERS); after an "n", one character: 48 + the index of its reason. */
  outcomes: string;
  reasons: Reason[];
}

const LETTERS: Record<RuleOutcome, string> = { pass: 'p', fail: 'f', unknown: 'u', due: 'd', not_applicable: 'n' };
const OUTCOMES: Record<string, RuleOutcome> = { p: 'pass', f: 'fail', u: 'unknown', d: 'due', n: 'not_applicable' };

export function packChecked(c: Checked): WireChecked {
  if (!c.system) return c as WireChecked;
  const { rules, findings, ...system } = c.system;
  const reasons: Reason[] = [];
  // assembleSystem shares one object per distinct reason.
  const seen = new Map<Reason | undefined, number>();
  let outcomes = '';
  for (const r of rules) {
    outcomes += LETTERS[r.outcome];
    if (r.outcome !== 'not_applicable') continue;
    let at = seen.get(r.reason);
    if (at === undefined) seen.set(r.reason, (at = reasons.push(r.reason!) - 1));
    outcomes += String.fromCharCode(48 + at);
  }
  const packed = findings.map(
    (f): PackedFinding => [
      f.rule,
      f.severity,
      f.ruleSeverity,
      f.status,
      f.path,
      f.params,
      f.location,
      f.message,
      f.fingerprint,
      f.recommendation === true,
    ],
  );
  return { ...c, system: { ...system, findings: packed, packedRules: { outcomes, reasons } } };
}

function unpackFinding(p: PackedFinding, catalogue: Catalogue, lang: Lang): Finding {
  const [rule, severity, ruleSeverity, status, path, params, location, message, fingerprint, recommendation] = p;
  return makeFinding(catalogue.byId.get(rule)!, lang, {
    severity,
    ruleSeverity,
    status,
    path,
    params,
    location,
    message,
    fingerprint,
    recommendation,
  });
}

/** The worker's Checked as the main thread would have built it; rules in catalogue order, as assembleSystem lists them. */
export function unpackChecked(w: WireChecked, catalogue: Catalogue, lang: Lang): Checked {
  if (!w.system) return w as Checked;
  const { packedRules, findings, inputs, ...head } = w.system;
  const rules: RuleResult[] = [];
  const { outcomes, reasons } = packedRules;
  for (let i = 0, at = 0; i < catalogue.rules.length; i++) {
    const outcome = OUTCOMES[outcomes[at++]!]!;
    const rule = catalogue.rules[i]!.id;
    if (outcome === 'not_applicable') rules.push({ rule, outcome, reason: reasons[outcomes.charCodeAt(at++) - 48]! });
    else rules.push({ rule, outcome });
  }
  // assembleSystem ends a system with findings, rules, inputs (in that order, which the JSON report
  // shows); structured cloning keeps the order of the keys before them.
  const system: SystemReport = {
    ...head,
    findings: findings.map((f) => unpackFinding(f, catalogue, lang)),
    rules,
    inputs,
  };
  return { ...w, system };
}
