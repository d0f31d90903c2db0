import type { Catalogue } from './catalogue.js';
import { hasRuleSettings, reportedRuleSettings } from './rule-settings.js';
import { applyDebt } from './debt.js';
import { inLanguage } from '../i18n/index.js';
import { agencyResult } from './agencies.js';
import type { DebtInputs } from '../model/debt.js';
import {
  SEVERITIES,
  type AgencyReport,
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
  agencies: AgencyReport[] = [],
): Report {
  // Agencies take waivers and the baseline as systems do (their ids begin with "agency:").
  const settled = applyDebt([...systems, ...agencies], debt, catalogue, options);
  // applyDebt gives each a system's result; an agency's can also be unknown (engine/agencies.ts).
  const judged = (settled.systems.slice(systems.length) as AgencyReport[]).map((a) => {
    const result = agencyResult(a.findings, a.rules, options.failOn);
    return result === a.result ? a : { ...a, result };
  });
  const report = buildReport(settled.systems.slice(0, systems.length), problems, catalogue, options, undefined, judged);
  return {
    ...report,
    waivers: settled.waivers,
    ...(settled.baseline ? { baseline: settled.baseline } : {}),
    ...(debt.files.length > 0 ? { debtInputs: debt.files } : {}),
  };
}

/** What a report's summary counts of one system: kept for a streamed run, whose systems are not. */
export interface SystemTally {
  result: SystemReport['result'];
  findings: Record<Severity, number>;
  due: number;
  unknown: number;
  waived: number;
}

export function tallySystem(s: SystemReport): SystemTally {
  const findings = Object.fromEntries(SEVERITIES.map((v) => [v, 0])) as Record<Severity, number>;
  let due = 0;
  let unknown = 0;
  let waived = 0;
  for (const f of s.findings) {
    if (f.waiver) waived++;
    else if (f.status === 'due') due++;
    else if (f.status === 'unknown') unknown++;
    else findings[f.severity]++;
  }
  return { result: s.result, findings, due, unknown, waived };
}

/** The summary's counts, added up system by system. */
export interface RunTally {
  systems: number;
  passed: number;
  failed: number;
  incomplete: number;
  findings: Record<Severity, number>;
  due: number;
  unknown: number;
  waived: number;
}

export function emptyTally(): RunTally {
  const findings = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  return { systems: 0, passed: 0, failed: 0, incomplete: 0, findings, due: 0, unknown: 0, waived: 0 };
}

export function addTally(run: RunTally, s: SystemTally): void {
  run.systems++;
  if (s.result === 'pass') run.passed++;
  else if (s.result === 'fail') run.failed++;
  else run.incomplete++;
  for (const v of SEVERITIES) run.findings[v] += s.findings[v];
  run.due += s.due;
  run.unknown += s.unknown;
  run.waived += s.waived;
}

/**
 * finishReport for a run whose systems went elsewhere as they were checked (src/run/, a streamed
 * JSON report) and that had no waivers or baseline to apply: the same report but for `systems`,
 * which is empty; its summary counts the systems from their tallies.
 */
export function finishStreamedReport(
  tally: RunTally,
  problems: InputProblem[],
  debt: DebtInputs,
  catalogue: Catalogue,
  options: EvaluationOptions,
  agencies: AgencyReport[] = [],
): Report {
  return {
    ...buildReport([], problems, catalogue, options, tally, agencies),
    waivers: [],
    ...(debt.files.length > 0 ? { debtInputs: debt.files } : {}),
  };
}

function buildReport(
  systems: SystemReport[],
  problems: InputProblem[],
  catalogue: Catalogue,
  options: EvaluationOptions,
  streamed?: RunTally,
  agencies: AgencyReport[] = [],
): Report {
  systems.sort((a, b) => compareText(a.file, b.file));
  problems.sort(
    (a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const errors = inLanguage(problems, options.lang);
  let tally = streamed;
  if (!tally) {
    tally = emptyTally();
    for (const s of systems) addTally(tally, tallySystem(s));
  }
  // An agency's findings count with the others (an agency is not a system: not in systems, passed, failed).
  const findings = { ...tally.findings };
  let { due, unknown, waived } = tally;
  for (const a of agencies) {
    const t = tallySystem(a);
    for (const v of SEVERITIES) findings[v] += t.findings[v];
    due += t.due;
    unknown += t.unknown;
    waived += t.waived;
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
    ...(hasRuleSettings(options.rules) ? { ruleSettings: reportedRuleSettings(options.rules, catalogue) } : {}),
    summary: {
      systems: tally.systems,
      passed: tally.passed,
      failed: tally.failed,
      incomplete: tally.incomplete,
      inputErrors: errors.length,
      findings,
      due,
      unknown,
      waived,
    },
    systems,
    errors,
    ...(agencies.length > 0 ? { agencies } : {}),
  };
}
