import type { Severity } from '../../model/types.js';
import { daysBetween } from './expiry.js';
import type { Waiver } from '../../model/waiver.js';
import { comparableName, isBlank } from '../../util/text.js';

export interface ValidityContext {
  asOf: string;
  maxDays: number;
  /** Severity of the waived rule in the catalogue; undefined when no such rule exists. */
  ruleSeverity: Severity | undefined;
  /** The accountable head named in the descriptor of the waived system. */
  accountableHead: string | undefined;
}

export interface InvalidReason {
  code:
    | 'unknown-rule'
    | 'expires-before-approved'
    | 'approved-after-as-of'
    | 'too-long'
    | 'critical-no-head'
    | 'critical-approver';
  params: Record<string, unknown>;
}

/**
 * Why a well-formed waiver may not be honoured, or undefined when it may. These are approval-policy
 * problems, not syntax: the run still checks everything, the waiver simply does not apply.
 */
export function invalidReason(w: Waiver, ctx: ValidityContext): InvalidReason | undefined {
  if (ctx.ruleSeverity === undefined) return { code: 'unknown-rule', params: { rule: w.rule } };
  const length = daysBetween(w.approved, w.expires);
  if (length < 0) return { code: 'expires-before-approved', params: { approved: w.approved, expires: w.expires } };
  // A waiver dated after the evaluation date did not exist yet (e.g. re-running an old --as-of).
  if (daysBetween(ctx.asOf, w.approved) > 0)
    return { code: 'approved-after-as-of', params: { approved: w.approved, as_of: ctx.asOf } };
  if (length > ctx.maxDays) return { code: 'too-long', params: { days: length, max: ctx.maxDays } };
  if (ctx.ruleSeverity === 'critical') {
    // A blank or invisible head is no head (lint() may be given inputs no schema has seen).
    if (isBlank(ctx.accountableHead)) return { code: 'critical-no-head', params: { rule: w.rule } };
    if (!sameName(w.approvedBy.name, ctx.accountableHead!)) {
      return {
        code: 'critical-approver',
        params: { rule: w.rule, approver: w.approvedBy.name, head: ctx.accountableHead },
      };
    }
  }
  return undefined;
}

// Invisible characters (util/text.ts: zero-width, joiners, directional controls, soft hyphen, BOM) are
// not part of a name.
const norm = (s: string) => comparableName(s).toLocaleLowerCase('vi');

/**
 * Names compare after Unicode normalisation (NFC vs NFD Vietnamese), spacing, invisible characters and
 * case. A blank name matches nothing, not even another blank name.
 */
export function sameName(a: string, b: string): boolean {
  const x = norm(a);
  return x !== '' && x === norm(b);
}
