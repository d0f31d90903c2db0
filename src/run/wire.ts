// How a worker thread's results cross to the main thread (src/parallel.ts). Structured cloning
// costs per object, key and string, and a system's per-rule outcomes are most of its objects (one
// per rule, every system): they travel as one letter per rule in catalogue order plus the distinct
// reasons. Findings travel as tuples without their rule's texts (title, remediation, clauses), which
// the main thread takes from its own catalogue.
import type { Checked } from './lint-files.js';
import type { Catalogue } from '../engine/catalogue.js';
import type { Finding, Lang, RuleOutcome, RuleReason as Reason, RuleResult, Severity, SystemReport } from '../model/types.js';

/** A Checked whose system carries packed rule outcomes instead of `rules`, and packed findings. */
export type WireChecked = Omit<Checked, 'system'> & { system?: Omit<SystemReport, 'rules' | 'findings'> & { packedRules: PackedRules; findings: Array<Finding | PackedFinding> } };

/** A finding as checkSystem builds it, less what its rule's catalogue entry says. */
type PackedFinding = [rule: string, severity: Severity, ruleSeverity: Severity, status: Finding['status'], path: string, params: Finding['params'], location: Finding['location'], message: string, fingerprint: string, lang: Lang, supports: boolean];

// checkSystem's key order; a finding with other keys (or other texts) travels as it is.
const FINDING_KEYS = 'rule,severity,ruleSeverity,status,path,params,location,message,title,remediation,clauses,fingerprint';

interface PackedRules {
  /** One letter per catalogue rule (LETTERS); after an "n", one character: 48 + the index of its reason. */
  outcomes: string;
  reasons: Reason[];
}

const LETTERS: Record<RuleOutcome, string> = { pass: 'p', fail: 'f', due: 'd', not_applicable: 'n' };
const OUTCOMES: Record<string, RuleOutcome> = { p: 'pass', f: 'fail', d: 'due', n: 'not_applicable' };

export function packChecked(c: Checked, catalogue: Catalogue): WireChecked {
  if (!c.system) return c as WireChecked;
  const { rules, ...system } = c.system;
  // Only when the rules are the catalogue's, in its order (always, for checkSystem's output).
  if (rules.length !== catalogue.rules.length || rules.some((r, i) => r.rule !== catalogue.rules[i]!.id)) return c as WireChecked;
  const reasons: Reason[] = [];
  // checkSystem shares one object per distinct reason.
  const seen = new Map<Reason | undefined, number>();
  let outcomes = '';
  for (const r of rules) {
    outcomes += LETTERS[r.outcome];
    if (r.outcome !== 'not_applicable') continue;
    let at = seen.get(r.reason);
    if (at === undefined) seen.set(r.reason, (at = reasons.push(r.reason!) - 1));
    outcomes += String.fromCharCode(48 + at);
  }
  return { ...c, system: { ...system, findings: system.findings.map((f) => packFinding(f, catalogue)), packedRules: { outcomes, reasons } } };
}

function packFinding(f: Finding, catalogue: Catalogue): Finding | PackedFinding {
  const meta = catalogue.byId.get(f.rule);
  const keys = Object.keys(f).join(',');
  const supports = keys === `${FINDING_KEYS},supports`;
  if (!meta || (keys !== FINDING_KEYS && !supports) || (supports && f.supports !== meta.supports)) return f;
  const lang: Lang | undefined = f.title === meta.title.en ? 'en' : f.title === meta.title.vi ? 'vi' : undefined;
  if (!lang || f.remediation !== meta.remediation[lang] || f.clauses !== meta.clauses) return f;
  return [f.rule, f.severity, f.ruleSeverity, f.status, f.path, f.params, f.location, f.message, f.fingerprint, lang, supports];
}

function unpackFinding(p: Finding | PackedFinding, catalogue: Catalogue): Finding {
  if (!Array.isArray(p)) return p;
  const [rule, severity, ruleSeverity, status, path, params, location, message, fingerprint, lang, supports] = p;
  const meta = catalogue.byId.get(rule)!;
  const f: Finding = { rule, severity, ruleSeverity, status, path, params, location, message, title: meta.title[lang], remediation: meta.remediation[lang], clauses: meta.clauses, fingerprint };
  if (supports) f.supports = meta.supports;
  return f;
}

export function unpackChecked(w: WireChecked, catalogue: Catalogue): Checked {
  if (!w.system || !('packedRules' in w.system)) return w as Checked;
  const { packedRules, ...rest } = w.system;
  const rules: RuleResult[] = [];
  const { outcomes, reasons } = packedRules;
  for (let i = 0, at = 0; i < catalogue.rules.length; i++) {
    const outcome = OUTCOMES[outcomes[at++]!]!;
    const rule = catalogue.rules[i]!.id;
    if (outcome === 'not_applicable') rules.push({ rule, outcome, reason: reasons[outcomes.charCodeAt(at++) - 48]! });
    else rules.push({ rule, outcome });
  }
  // checkSystem's key order (rules just before inputs, the last key), so that JSON serialised on
  // this thread is byte for byte what the worker would have written.
  const { inputs, findings, ...head } = rest;
  return { ...w, system: { ...head, findings: findings.map((f) => unpackFinding(f, catalogue)), rules, inputs } };
}
