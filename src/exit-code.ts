import { atLeast } from './severity.js';
import type { Report } from './types.js';

export const EXIT_PASS = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * 2 when any input could not be read or validated (it was not checked, so a pass would lie),
 * 1 when a violation is at or above the threshold, else 0. "Due" findings never fail a run.
 */
export function exitCode(report: Report): number {
  if (report.errors.length > 0) return EXIT_USAGE;
  const failing = report.systems.some((s) =>
    s.findings.some((f) => f.status === 'violation' && atLeast(f.severity, report.failOn)),
  );
  return failing ? EXIT_FINDINGS : EXIT_PASS;
}
