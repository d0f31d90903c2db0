import type { IacStack } from '../model/iac.js';
import type { IacEvidence, SystemResult } from '../model/types.js';

/**
 * What each IaC input of a system gave as evidence: its place in the order of trust, how many of
 * its resources the rules could judge, and what was not evaluated. An input leaves its system
 * incomplete when no resource could be judged (empty, only modules not read, only values unknown
 * until apply) or when a module call was not read: the rules did not see that code.
 */
export function iacEvidence(stacks: IacStack[]): IacEvidence[] {
  return stacks.map((s) => {
    let judged = 0;
    for (const r of s.resources) if (judgeable(r.values, r.unknown)) judged++;
    const unevaluated = (s.unevaluated ?? []).map((u) => ({ ...u }));
    const notRead = unevaluated.some((u) => u.reason !== 'collection-unknown');
    const incomplete = judged === 0 ? 'nothing-judged' : notRead ? 'module-not-evaluated' : undefined;
    return {
      file: s.file,
      trust: s.shape === 'plan' ? 'plan' : s.evaluated ? 'evaluated' : 'raw',
      resources: s.resources.length,
      judged,
      unevaluated,
      ...(incomplete ? { incomplete } : {}),
    };
  });
}

// A resource every value of which is unknown until apply gives the rules nothing to judge.
function judgeable(values: Record<string, unknown>, unknown: string[]): boolean {
  if (unknown.length === 0) return true;
  const whole = new Set(unknown);
  return Object.keys(values).some((k) => !whole.has(k));
}

/** A blocking finding fails a system; otherwise evidence it did not see leaves it incomplete, never passed. */
export function systemResult(blocking: boolean, iac: IacEvidence[] | undefined): SystemResult {
  if (blocking) return 'fail';
  return iac?.some((e) => e.incomplete) ? 'incomplete' : 'pass';
}
