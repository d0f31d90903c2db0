// How a worker thread's results cross to the main thread (src/parallel.ts). Structured cloning
// costs per object, and a system's per-rule outcomes are most of its objects (one per rule, every
// system): they travel as one letter per rule in catalogue order plus the distinct reasons.
import type { Checked } from './lint.js';
import type { Catalogue } from './policy/catalogue.js';
import type { RuleOutcome, RuleReason as Reason, RuleResult, SystemReport } from './types.js';

/** A Checked whose system carries packed rule outcomes instead of `rules`. */
export type WireChecked = Omit<Checked, 'system'> & { system?: Omit<SystemReport, 'rules'> & { packedRules: PackedRules } };

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
  return { ...c, system: { ...system, packedRules: { outcomes, reasons } } };
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
  const { inputs, ...head } = rest;
  return { ...w, system: { ...head, rules, inputs } };
}
