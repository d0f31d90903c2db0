import type { Report, Severity } from './types.js';
import { compareText } from '../util/collate.js';

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  system: string;
  path: string;
  msg?: string;
  severity?: Severity;
  file?: string;
}

export interface Baseline {
  created: string;
  findings: BaselineEntry[];
}

/**
 * What a baseline records: the violations nobody has accepted yet. Waived findings are left out
 * (when their waiver ends they must fail, not hide in the baseline), and so are findings that are
 * only "due" (when their deadline passes they are new obligations, not old debt). An agency's
 * violations (Report.agencies, id "agency:<owner>") are recorded as a system's are.
 */
export function baselineFromReport(report: Pick<Report, 'asOf' | 'systems' | 'agencies'>): Baseline {
  const findings: BaselineEntry[] = [];
  for (const s of [...report.systems, ...(report.agencies ?? [])])
    for (const f of s.findings) {
      if (f.status !== 'violation' || f.waiver) continue;
      const msg = typeof f.params.msg === 'string' ? f.params.msg : undefined;
      findings.push({
        fingerprint: f.fingerprint,
        rule: f.rule,
        system: s.id,
        path: f.path,
        ...(msg ? { msg } : {}),
        severity: f.severity,
        file: f.location.file,
      });
    }
  findings.sort(
    (a, b) =>
      compareText(a.system, b.system) || compareText(a.rule, b.rule) || compareText(a.fingerprint, b.fingerprint),
  );
  return { created: report.asOf, findings };
}
