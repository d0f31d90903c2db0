import { messageKey, t } from '../../i18n/index.js';
import {
  AGENCY_ID_PREFIX,
  type AppliedWaiver,
  type Finding,
  type Lang,
  type Severity,
  type SystemReport,
  type WaiverRecord,
  type WaiverStatus,
} from '../../model/types.js';
import { daysLeft, expiryStatus } from './expiry.js';
import type { Waiver } from '../../model/waiver.js';
import { invalidReason } from './validity.js';

/** A waiver names a finding by rule and system id, and optionally by its exact path or resource address. */
export function waiverMatches(w: Waiver, systemId: string, f: Pick<Finding, 'rule' | 'path'>): boolean {
  return w.system === systemId && w.rule === f.rule && (w.path === undefined || w.path === f.path);
}

export interface WaiverContext {
  asOf: string;
  maxDays: number;
  lang: Lang;
  /** The go-live gate: waivers of critical rules are not honoured. */
  gate: boolean;
  ruleSeverity: (rule: string) => Severity | undefined;
  /** Keep waivers whose system was not checked in this run (reported as stale). */
  allWaivers: boolean;
}

export interface WaiverOutcome {
  systems: SystemReport[];
  records: WaiverRecord[];
}

/**
 * Decides every waiver's status and marks the findings that active waivers accept. Pure: returns
 * new system reports; the first applicable waiver (in file order) is the one a finding carries.
 */
export function applyWaivers(systems: SystemReport[], waivers: Waiver[], ctx: WaiverContext): WaiverOutcome {
  const applied = new Map<Finding, AppliedWaiver>();
  const records: WaiverRecord[] = [];
  for (const w of waivers) {
    const targets = systems.filter((s) => s.id === w.system);
    const matched = targets.flatMap((s) => s.findings.filter((f) => waiverMatches(w, s.id, f)));
    const left = daysLeft(w.expires, ctx.asOf);
    let status: WaiverStatus;
    let reason: { code: string; params: Record<string, unknown> } | undefined;
    if (targets.length === 0) {
      if (!ctx.allWaivers) continue;
      status = 'stale';
      // A waiver by agency (`agency:` in the file) names an owner no checked descriptor declares.
      reason = w.system.startsWith(AGENCY_ID_PREFIX)
        ? { code: 'unknown-agency', params: { agency: w.system.slice(AGENCY_ID_PREFIX.length) } }
        : { code: 'unknown-system', params: { system: w.system } };
    } else {
      const severity = ctx.ruleSeverity(w.rule);
      reason = invalidReason(w, {
        asOf: ctx.asOf,
        maxDays: ctx.maxDays,
        ruleSeverity: severity,
        accountableHead: targets[0]?.accountableHead?.name,
      });
      if (reason) status = 'invalid';
      else if (left < 0) {
        status = 'expired';
        reason = { code: 'expired', params: { expires: w.expires, days: -left, matched: matched.length } };
      } else if (ctx.gate && severity === 'critical') {
        status = 'gate-ignored';
        reason = { code: 'gate-critical', params: { rule: w.rule } };
      } else if (matched.length === 0) {
        status = 'stale';
        reason = { code: 'no-match', params: { rule: w.rule, system: w.system, path: w.path ?? '' } };
      } else {
        status = expiryStatus(w.expires, ctx.asOf);
        for (const f of matched) {
          if (!applied.has(f)) applied.set(f, appliedFrom(w, left));
        }
      }
    }
    const reasonKey = reason && messageKey('waiver_reason', reason.code);
    records.push({
      rule: w.rule,
      system: w.system,
      ...(w.path !== undefined ? { path: w.path } : {}),
      status,
      ...(reason
        ? { reason: { ...reason, text: reasonKey ? t(reasonKey, reason.params, ctx.lang) : reason.code } }
        : {}),
      ...appliedFrom(w, left),
      matched: matched.length,
    });
  }
  // A system no waiver touches stays the same object.
  const out = systems.map((s) =>
    s.findings.some((f) => applied.has(f))
      ? {
          ...s,
          findings: s.findings.map((f) => {
            const a = applied.get(f);
            return a ? { ...f, waiver: a } : f;
          }),
        }
      : s,
  );
  return { systems: out, records };
}

function appliedFrom(w: Waiver, left: number): AppliedWaiver {
  return {
    justification: w.justification,
    ...(w.reference !== undefined ? { reference: w.reference } : {}),
    approvedBy: w.approvedBy,
    approved: w.approved,
    expires: w.expires,
    daysLeft: left,
    location: w.location,
  };
}

/** Status shown by `tuanthu waivers list`: an applied waiver close to its end is "expiring". */
export const WAIVER_STATUS_ORDER: WaiverStatus[] = [
  'invalid',
  'expired',
  'gate-ignored',
  'stale',
  'expiring',
  'active',
];
