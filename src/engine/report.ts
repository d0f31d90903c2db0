import type { Catalogue } from './catalogue.js';
import { applyDebt } from './debt.js';
import { inLanguage } from '../i18n/index.js';
import type { DebtInputs } from '../model/debt.js';
import {
  SEVERITIES,
  type EvaluationOptions,
  type InputProblem,
  type Report,
  type Severity,
  type SystemReport,
} from '../model/types.js';
import { TOOL_VERSION } from '../model/version.js';
import { DEFAULT_MAX_WAIVER_DAYS } from '../model/waiver.js';
import { compareText } from '../util/collate.js';

/**
 * The run's report from its systems and input problems: waivers and baseline applied, systems and
 * problems in a stable order, counts. The last step of both src/api.ts and src/run/lint-files.ts.
 */
export function finishReport(
  systems: SystemReport[],
  problems: InputProblem[],
  debt: DebtInputs,
  catalogue: Catalogue,
  options: EvaluationOptions,
): Report {
  const settled = applyDebt(systems, debt, catalogue, options);
  const report = buildReport(settled.systems, problems, catalogue, options);
  return {
    ...report,
    waivers: settled.waivers,
    ...(settled.baseline ? { baseline: settled.baseline } : {}),
    ...(debt.files.length > 0 ? { debtInputs: debt.files } : {}),
  };
}

function buildReport(
  systems: SystemReport[],
  problems: InputProblem[],
  catalogue: Catalogue,
  options: EvaluationOptions,
): Report {
  systems.sort((a, b) => compareText(a.file, b.file));
  problems.sort(
    (a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const errors = inLanguage(problems, options.lang);
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let due = 0;
  let waived = 0;
  for (const s of systems)
    for (const f of s.findings) {
      if (f.waiver) waived++;
      else if (f.status === 'due') due++;
      else counts[f.severity]++;
    }
  return {
    reportVersion: '1',
    tool: {
      name: 'tuanthu',
      version: TOOL_VERSION,
      policyDigest: catalogue.manifest.wasmDigest,
      regoDigest: catalogue.manifest.regoDigest,
    },
    asOf: options.asOf,
    failOn: options.failOn,
    lang: options.lang,
    // Settings that change the result, kept so the run can be reproduced (absent when left as default).
    ...(options.stage ? { stage: options.stage } : {}),
    ...(options.maxWaiverDays !== undefined && options.maxWaiverDays !== DEFAULT_MAX_WAIVER_DAYS
      ? { maxWaiverDays: options.maxWaiverDays }
      : {}),
    summary: {
      systems: systems.length,
      passed: systems.filter((s) => s.result === 'pass').length,
      failed: systems.filter((s) => s.result === 'fail').length,
      inputErrors: errors.length,
      findings: counts,
      due,
      waived,
    },
    systems,
    errors,
  };
}
