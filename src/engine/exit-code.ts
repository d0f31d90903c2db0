import { atLeast } from '../model/severity.js';
import type { Finding, Report, Severity } from '../model/types.js';

export const EXIT_PASS = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * Whether a finding fails the run: a violation at or above the threshold that no active waiver
 * accepts and that was not already in the baseline. "Due" findings never do.
 */
export function isBlocking(f: Pick<Finding, 'status' | 'severity' | 'waiver' | 'baseline'>, failOn: Severity): boolean {
  return f.status === 'violation' && !f.waiver && f.baseline !== 'existing' && atLeast(f.severity, failOn);
}

/**
 * 2 when any input could not be read or validated (it was not checked, so a pass would lie),
 * 1 when a blocking finding remains (see isBlocking) or a system is incomplete (part of its
 * infrastructure code was not evaluated: a gate must not go green on evidence it did not see), else 0.
 */
export function exitCode(report: Report): number {
  if (report.errors.length > 0) return EXIT_USAGE;
  const failing = report.systems.some(
    (s) => s.result === 'incomplete' || s.findings.some((f) => isBlocking(f, report.failOn)),
  );
  // An agency's blocking finding fails the run as a system's does.
  const agencyFailing = (report.agencies ?? []).some((a) => a.findings.some((f) => isBlocking(f, report.failOn)));
  return failing || agencyFailing ? EXIT_FINDINGS : EXIT_PASS;
}

/**
 * exitCode from the summary alone, for a report whose systems were streamed out (src/run/). The same
 * answer for every report finishReport makes: a system's result is "fail" exactly when it has a
 * blocking finding (engine/system-report.ts, engine/debt.ts).
 */
export function summaryExitCode(report: Pick<Report, 'errors' | 'summary' | 'agencies'>): number {
  if (report.errors.length > 0) return EXIT_USAGE;
  // A streamed report keeps its agencies (they are judged at the end, from summaries).
  const agencyFailing = (report.agencies ?? []).some((a) => a.result === 'fail');
  return report.summary.failed > 0 || report.summary.incomplete > 0 || agencyFailing ? EXIT_FINDINGS : EXIT_PASS;
}

/** The go-live gate: 0 may go live, 1 blocked, 2 when no verdict could be given (an input was not checked). */
export function gateExitCode(verdict: { go: boolean | undefined }): number {
  return verdict.go === undefined ? EXIT_USAGE : verdict.go ? EXIT_PASS : EXIT_FINDINGS;
}

/** Commands that record or list rather than judge (baseline create, waivers list): 2 when an input could not be checked, else 0. */
export function inputExitCode(report: Pick<Report, 'errors'>): number {
  return report.errors.length > 0 ? EXIT_USAGE : EXIT_PASS;
}
