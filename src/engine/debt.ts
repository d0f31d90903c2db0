import { relative, resolve } from 'node:path';
import { applyBaseline, type Baseline } from './baseline/compare.js';
import { loadBaseline } from '../io/debt/baseline.js';
import { isBlocking } from './exit-code.js';
import type { Limits } from '../io/descriptor/source.js';
import type { Catalogue } from './catalogue.js';
import type { BaselineSummary, DebtInputFile, InputProblem, LintOptions, SystemReport, WaiverRecord } from '../model/types.js';
import { waiverFiles, loadWaivers } from '../io/debt/waivers.js';
import { applyWaivers } from './waivers/match.js';
import { DEFAULT_MAX_WAIVER_DAYS, type Waiver } from './waivers/model.js';

/** Waivers and baseline of a run, read and validated before any descriptor is evaluated. */
export interface DebtInputs {
  waivers: Waiver[];
  baseline?: { baseline: Baseline; file: string };
  errors: InputProblem[];
  /** The files read, with their digests, for Report.debtInputs. */
  files: DebtInputFile[];
}

export async function loadDebtInputs(options: LintOptions, cwd: string, descriptors: string[], limits: Limits): Promise<DebtInputs> {
  const display = (p: string) => relative(cwd, p) || p;
  const errors: InputProblem[] = [];
  const waivers: Waiver[] = [];
  const files: DebtInputFile[] = [];
  for (const file of await waiverFiles(options.waivers, cwd, descriptors)) {
    const loaded = await loadWaivers(file, display(file), limits);
    waivers.push(...loaded.waivers);
    errors.push(...loaded.errors);
    if (loaded.sha256) files.push({ file: display(file), sha256: loaded.sha256, role: 'waivers' });
  }
  if (options.baseline === undefined) return { waivers, errors, files };
  const abs = resolve(cwd, options.baseline);
  const loaded = await loadBaseline(abs, display(abs), limits);
  if (!loaded.ok) return { waivers, errors: [...errors, ...loaded.errors], files };
  files.push({ file: display(abs), sha256: loaded.sha256, role: 'baseline' });
  return { waivers, errors, files, baseline: { baseline: loaded.baseline, file: display(abs) } };
}

/**
 * Applies waivers, then the baseline, to the evaluated systems and recomputes each system's result.
 * The go-live gate (stage pre-production) does not honour waivers of critical rules.
 */
export function applyDebt(
  systems: SystemReport[],
  inputs: DebtInputs,
  catalogue: Catalogue,
  options: LintOptions,
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
    const result = s.findings.some((f) => isBlocking(f, options.failOn)) ? 'fail' : 'pass';
    // Unchanged systems stay the same objects (their JSON may already be written, src/format/json.ts).
    return result === s.result ? s : { ...s, result };
  });
  return { systems: out, waivers: waived.records, ...(summary ? { baseline: summary } : {}) };
}
