import type { Baseline } from '../../model/baseline.js';
import type { BaselineSummary, Finding, SystemReport } from '../../model/types.js';

/**
 * Marks each violation "existing" (its fingerprint is in the baseline) or "new", and lists the
 * baseline entries of the checked systems that no longer occur as fixed. Fingerprints are counted,
 * so two identical findings need two baseline entries. Pure.
 */
export function applyBaseline(
  systems: SystemReport[],
  baseline: Baseline,
  file: string,
): { systems: SystemReport[]; summary: BaselineSummary } {
  const remaining = new Map<string, number>();
  for (const e of baseline.findings) remaining.set(e.fingerprint, (remaining.get(e.fingerprint) ?? 0) + 1);
  let fresh = 0;
  let existing = 0;
  const seen = new Set<string>();
  const out = systems.map((s) => ({
    ...s,
    findings: s.findings.map((f): Finding => {
      seen.add(f.fingerprint);
      // Waived findings are accepted debt already; the baseline neither marks nor counts them.
      if (f.status !== 'violation' || f.waiver) return f;
      const left = remaining.get(f.fingerprint) ?? 0;
      if (left > 0) {
        remaining.set(f.fingerprint, left - 1);
        existing++;
        return { ...f, baseline: 'existing' };
      }
      fresh++;
      return { ...f, baseline: 'new' };
    }),
  }));
  const checked = new Set(systems.map((s) => s.id));
  const fixed = baseline.findings
    .filter((e) => checked.has(e.system) && !seen.has(e.fingerprint))
    .map((e) => ({
      fingerprint: e.fingerprint,
      rule: e.rule,
      system: e.system,
      path: e.path,
      ...(e.msg ? { msg: e.msg } : {}),
      ...(e.severity ? { severity: e.severity } : {}),
    }));
  return { systems: out, summary: { file, created: baseline.created, new: fresh, existing, fixed } };
}
