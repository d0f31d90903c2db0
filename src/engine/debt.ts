import { systemResult } from './iac-evidence.js';
import { applyBaseline } from './baseline/compare.js';
import { isBlocking } from './exit-code.js';
import type { Catalogue } from './catalogue.js';
import type { DebtInputs } from '../model/debt.js';
import type { BaselineSummary, EvaluationOptions, SystemReport, WaiverRecord } from '../model/types.js';
import { applyWaivers } from './waivers/match.js';
import { DEFAULT_MAX_WAIVER_DAYS } from '../model/waiver.js';

/**
 * Applies waivers, then the baseline, to the evaluated systems and recomputes each system's result.
 * The go-live gate (stage pre-production) does not honour waivers of critical rules.
 */
export function applyDebt(
  systems: SystemReport[],
  inputs: DebtInputs,
  catalogue: Catalogue,
  options: EvaluationOptions,
): { systems: SystemReport[]; waivers: WaiverRecord[]; baseline?: BaselineSummary } {
  const waived = applyWaivers(systems, inputs.waivers, {
    asOf: options.asOf,
    maxDays: options.maxWaiverDays ?? DEFAULT_MAX_WAIVER_DAYS,
    lang: options.lang,
    gate: options.stage === 'pre-production',
    ruleSeverity: (rule) => catalogue.byId.get(rule)?.severity,
    allWaivers: options.allWaivers ?? false,
  });
  let out = waived.systems;
  let summary: BaselineSummary | undefined;
  if (inputs.baseline) {
    const b = applyBaseline(out, inputs.baseline.baseline, inputs.baseline.file);
    out = b.systems;
    summary = b.summary;
  }
  out = out.map((s) => {
    const result = systemResult(
      s.findings.some((f) => isBlocking(f, options.failOn)),
      s.iac,
    );
    // Unchanged systems stay the same objects (their JSON may already be written, src/format/json.ts).
    return result === s.result ? s : { ...s, result };
  });
  return { systems: out, waivers: waived.records, ...(summary ? { baseline: summary } : {}) };
}
