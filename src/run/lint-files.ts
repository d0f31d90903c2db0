// The CLI's run over files: discover, read, check in batches (on worker threads for a large
// portfolio), report. It gives the report lint() (src/api.ts) gives for the same inputs read by
// readInputs(); it only reads them a batch at a time, so a portfolio is never held whole.
import { relative, resolve } from 'node:path';
import { loadCatalogue, type Catalogue } from '../engine/catalogue.js';
import { PolicyEngine, PolicyError } from '../engine/policy-engine.js';
import { finishReport } from '../engine/report.js';
import { checkSystem, createRunMemo } from '../engine/system-report.js';
import { createSystemJsonWriter } from '../format/json.js';
import { loadDebtInputs } from '../io/debt/inputs.js';
import { discover } from '../io/discover.js';
import { classifyFile } from '../io/iac/sniff.js';
import { resolveLimits } from '../io/limits.js';
import type { IacStack } from '../model/iac.js';
import type { InputProblem, Limits, LintOptions, Report, SystemReport } from '../model/types.js';
import {
  checkDescriptorFiles,
  checkInBatches,
  loadStackFiles,
  type CheckTools,
  type FileCheckOptions,
} from './check-files.js';
import { checkInParallel } from './pool.js';
import { parallelJobs } from './threads.js';

export interface LintDeps {
  catalogue?: Catalogue;
  engine?: PolicyEngine;
  limits?: Partial<Limits>;
}

/** A run's report and, with options.renderJson, the systems worker threads already serialised for the json format. */
export interface LintRun {
  report: Report;
  prerendered: ReadonlyMap<SystemReport, Uint8Array>;
}

/** Checks descriptors (files, or directories walked for descriptors) and returns the report. */
export async function lintFiles(paths: string[], options: LintOptions, deps: LintDeps = {}): Promise<Report> {
  return (await runLint(paths, { ...options, renderJson: false }, deps)).report;
}

/**
 * lintFiles, and for options.renderJson the JSON of the systems worker threads checked (the
 * formatter writes those bytes instead of serialising them again on this thread). No console, no
 * exit; the clock only via options.asOf.
 */
export async function runLint(paths: string[], options: LintOptions, deps: LintDeps = {}): Promise<LintRun> {
  const cwd = options.cwd ?? process.cwd();
  const catalogue = deps.catalogue ?? loadCatalogue();
  const engine = deps.engine ?? PolicyEngine.load();
  const display = (p: string) => relative(cwd, resolve(cwd, p)) || p;

  const limits = resolveLimits(deps.limits, options.limits);
  const found = await discover(paths.map((p) => resolve(cwd, p)));
  const errors: InputProblem[] = found.problems.map((p) => ({
    file: display(p.path),
    code: 'read',
    message: p.message,
  }));
  // Waivers and baseline are validated before anything is evaluated; a bad one is an input error.
  const debt = await loadDebtInputs(options, cwd, found.files, limits);
  errors.push(...debt.errors);
  const systems: SystemReport[] = [];
  // Files named on the command line may be IaC (cdk.tf.json, plan JSON, .tf); walks find both kinds
  // (walked JSON files turn out to be IaC while they are checked).
  const iacPaths = new Set(found.iac);
  const descriptors: string[] = [];
  for (const f of found.files)
    !found.walked.has(f) && (await classifyFile(f)) === 'iac' ? iacPaths.add(f) : descriptors.push(f);
  const attached = new Set<string>();
  const loadStacks = async (files: string[]): Promise<IacStack[]> => {
    const r = await loadStackFiles(files, display, limits, options.jobs);
    for (const f of files) attached.add(f);
    errors.push(...r.errors);
    return r.stacks;
  };
  const jobs = !deps.engine && !deps.catalogue ? parallelJobs(options.jobs, descriptors.length) : 1;
  // Serialising while checking pays only when another thread shares the work. When threads share the
  // descriptors, the .tf modules they list are parsed on the thread checking them.
  const renderJson = options.renderJson === true && jobs > 1;
  const fileOptions: FileCheckOptions = {
    options: { ...options, renderJson, ...(jobs > 1 ? { jobs: 1 } : {}) },
    limits,
    cwd,
    walked: found.walked,
  };
  const tools: CheckTools = {
    engine,
    catalogue,
    memo: createRunMemo(),
    ...(renderJson ? { renderJson: createSystemJsonWriter() } : {}),
  };
  const progress =
    options.onProgress &&
    ((p: { done: number; total: number; file: string }) => options.onProgress?.({ ...p, file: display(p.file) }));
  const checkBatch = (files: string[]) => checkDescriptorFiles(files, fileOptions, tools);
  const checked =
    jobs > 1
      ? await checkInParallel(descriptors, jobs, fileOptions, checkBatch, progress)
      : await checkInBatches(descriptors, checkBatch, progress);
  const prerendered = new Map<SystemReport, Uint8Array>();
  // In descriptor order whichever thread checked a file, so the report does not show the split.
  for (const [i, c] of checked.entries()) {
    errors.push(...c.errors);
    if (c.skipped === 'iac') iacPaths.add(descriptors[i]!);
    for (const f of c.attached) attached.add(f);
    if (c.system) systems.push(c.system);
    if (c.system && c.json) prerendered.set(c.system, c.json);
  }
  // IaC that no descriptor of this run lists is checked on its own, as a system without a descriptor.
  for (const f of [...iacPaths].sort()) {
    if (attached.has(f)) continue;
    const stacks = await loadStacks([f]);
    if (stacks.length === 0) continue;
    try {
      systems.push(checkSystem(null, stacks, engine, catalogue, options, tools.memo));
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      errors.push({ file: display(f), code: 'policy', message: e.text });
    }
  }
  return { report: finishReport(systems, errors, debt, catalogue, options), prerendered };
}
