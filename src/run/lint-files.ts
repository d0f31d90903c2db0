// The CLI's run over files: discover, read, check in batches (on worker threads for a large
// portfolio), report. It gives the report lint() (src/api.ts) gives for the same inputs read by
// readInputs(); it only reads them a batch at a time, so a portfolio is never held whole.
import { relative, resolve } from 'node:path';
import { AgencyCollector } from '../engine/agencies.js';
import { loadCatalogue, type Catalogue } from '../engine/catalogue.js';
import { loadCustomPolicies, withCustomRules } from '../engine/custom-policy.js';
import { PolicyEngine, PolicyError } from '../engine/policy-engine.js';
import { addTally, emptyTally, finishReport, finishStreamedReport, tallySystem } from '../engine/report.js';
import { checkSystem, createRunMemo } from '../engine/system-report.js';
import { createSystemJsonPieces, createSystemJsonWriter } from '../format/json.js';
import { loadDebtInputs } from '../io/debt/inputs.js';
import { waiverFiles } from '../io/debt/waivers.js';
import { discover } from '../io/discover.js';
import { localized } from '../i18n/index.js';
import { classifyFile } from '../io/iac/sniff.js';
import { type PolicyBundle, readPolicyBundle } from '../io/policy-bundle.js';
import { resolveLimits } from '../io/limits.js';
import type { IacStack } from '../model/iac.js';
import type {
  AgencyReport,
  InputProblem,
  Limits,
  LintOptions,
  Report,
  SystemReport,
  TrendPoint,
} from '../model/types.js';
import {
  type Checked,
  checkDescriptorFiles,
  checkInBatches,
  loadStackFiles,
  standaloneIac,
  type CheckTools,
  type FileCheckOptions,
} from './check-files.js';
import { checkInParallel } from './pool.js';
import type { SystemSpool } from './spool.js';
import { parallelJobs } from './threads.js';

export interface LintDeps {
  catalogue?: Catalogue;
  engine?: PolicyEngine;
  limits?: Partial<Limits>;
  /**
   * Stream the systems into this spool, serialised as the JSON report shows them, instead of
   * keeping them: memory stays flat however large the portfolio. Taken only when the run has no
   * waivers or baseline to apply (they need every system at once); see LintRun.streamed.
   */
  spool?: SystemSpool;
}

/** A run's report and, with options.renderJson, the systems worker threads already serialised for the json format. */
export interface LintRun {
  report: Report;
  prerendered: ReadonlyMap<SystemReport, Uint8Array>;
  /**
   * Set when the systems went to deps.spool: then report.systems is empty, the summary counts them,
   * and the JSON report is written from the spool (FormatContext.streamed); the exit code comes
   * from the summary (engine/exit-code.ts#summaryExitCode).
   */
  streamed?: SystemSpool;
  /** The rules of the run: the built-in catalogue and those of options.policies (for the formats). */
  catalogue: Catalogue;
  /**
   * Every file the run read or was told to read (absolute): descriptors, the IaC files and module
   * folders they list or that were found, waiver files, the baseline. A report must not be written
   * over one of them (src/io/output-paths.ts).
   */
  inputs: string[];
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
  const builtIn = deps.catalogue ?? loadCatalogue();
  // An organisation's own policies: read and validated before anything is checked; a bad one stops the run.
  const custom = loadCustomPolicies(readBundles(options.policies ?? [], cwd), builtIn);
  const catalogue = withCustomRules(builtIn, custom);
  const engine = (deps.engine ?? PolicyEngine.load()).with(custom);
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
  for (const e of debt.errors) errors.push(e);
  const trend = await loadTrend(options.previous, cwd, display, limits, errors);
  const systems: SystemReport[] = [];
  // Files named on the command line may be IaC (cdk.tf.json, plan JSON, .tf); walks find both kinds
  // (walked JSON files turn out to be IaC while they are checked).
  const iacPaths = new Set(found.iac);
  const descriptors: string[] = [];
  for (const f of found.files)
    !found.walked.has(f) && (await classifyFile(f)) === 'iac' ? iacPaths.add(f) : descriptors.push(f);
  const attached = new Set<string>();
  const loadStacks = async (files: string[]): Promise<IacStack[]> => {
    const r = await loadStackFiles(files, display, limits, options.jobs, options.iacVariables);
    for (const f of files) attached.add(f);
    for (const e of r.errors) errors.push(e);
    return r.stacks;
  };
  // Worker threads load the built-in policy alone: a run with its own policies stays on this thread.
  const jobs =
    !deps.engine && !deps.catalogue && custom.length === 0 ? parallelJobs(options.jobs, descriptors.length) : 1;
  const spool = deps.spool && debt.waivers.length === 0 && !debt.baseline ? deps.spool : undefined;
  // Serialising while checking pays only when another thread shares the work (or the run streams).
  // When threads share the descriptors, the .tf modules they list are parsed on the thread checking them.
  const renderJson = options.renderJson === true && jobs > 1 && !spool;
  const fileOptions: FileCheckOptions = {
    options: { ...options, renderJson, ...(jobs > 1 ? { jobs: 1 } : {}) },
    limits,
    cwd,
    walked: found.walked,
    ...(spool ? { stream: true } : {}),
  };
  const tools: CheckTools = {
    engine,
    catalogue,
    memo: createRunMemo(),
    ...(renderJson || spool ? { renderJson: createSystemJsonWriter() } : {}),
  };
  const progress =
    options.onProgress &&
    ((p: { done: number; total: number; file: string }) => options.onProgress?.({ ...p, file: display(p.file) }));
  const checkBatch = (files: string[]) => checkDescriptorFiles(files, fileOptions, tools);
  const tally = emptyTally();
  const pieces = spool && createSystemJsonPieces();
  const streamSystem = (system: SystemReport, order: number) => {
    spool!.add(system.file, order, pieces!(system));
    addTally(tally, tallySystem(system));
  };
  // Streamed: each result is taken as it arrives, its system (as bytes) into the spool; the input
  // problems wait in descriptor order, as the unstreamed run collects them.
  const problemsByFile: InputProblem[][] = [];
  // Each system's small summary for the agency-level rules, judged once every system is checked.
  const agencies = new AgencyCollector();
  const take = (i: number, c: Checked) => {
    agencies.add(c.agency);
    if (c.errors.length > 0) problemsByFile[i] = c.errors;
    if (c.skipped === 'iac') iacPaths.add(descriptors[i]!);
    for (const f of c.attached) attached.add(f);
    if (c.json && c.tally) {
      spool!.add(display(descriptors[i]!), i, c.json);
      addTally(tally, c.tally);
    } else if (c.system) streamSystem(c.system, i);
  };
  const checked =
    jobs > 1
      ? await checkInParallel(descriptors, jobs, fileOptions, checkBatch, progress, spool && take)
      : await checkInBatches(descriptors, checkBatch, progress, spool && take);
  for (const p of problemsByFile) if (p) for (const e of p) errors.push(e);
  const prerendered = new Map<SystemReport, Uint8Array>();
  // In descriptor order whichever thread checked a file, so the report does not show the split.
  for (const [i, c] of checked.entries()) {
    agencies.add(c.agency);
    for (const e of c.errors) errors.push(e);
    if (c.skipped === 'iac') iacPaths.add(descriptors[i]!);
    for (const f of c.attached) attached.add(f);
    if (c.system) systems.push(c.system);
    if (c.system && c.json) prerendered.set(c.system, c.json);
  }
  let order = descriptors.length;
  // IaC that no descriptor of this run lists is checked on its own, as a system without a descriptor.
  for (const f of standaloneIac(iacPaths, attached)) {
    const stacks = await loadStacks([f]);
    if (stacks.length === 0) continue;
    try {
      const system = checkSystem(null, stacks, engine, catalogue, options, tools.memo);
      if (spool) streamSystem(system, order++);
      else systems.push(system);
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      errors.push({ file: display(f), code: 'policy', message: e.text });
    }
  }
  // Paths that hold nothing to check give no verdict: a run that evaluated nothing must not pass.
  if (errors.length === 0 && systems.length === 0 && tally.systems === 0) {
    for (const p of paths)
      errors.push({ file: display(p), code: 'nothing-found', message: localized('input.nothing-found') });
  }
  const inputs = [
    ...new Set([
      ...found.files,
      ...iacPaths,
      ...attached,
      ...(await waiverFiles(options.waivers, cwd, found.files)),
      ...(options.baseline !== undefined ? [resolve(cwd, options.baseline)] : []),
      ...(options.previous ?? []).map((f) => resolve(cwd, f)),
      ...(options.iacVariables?.varFiles ?? []).map((f) => resolve(cwd, f)),
      ...(options.policies ?? []).map((f) => resolve(cwd, f)),
    ]),
  ];
  const withTrend = (report: Report): Report => (trend.length > 0 ? { ...report, trend } : report);
  const judged = agencyReports(agencies, engine, catalogue, options, errors);
  if (spool)
    return {
      report: withTrend(finishStreamedReport(tally, errors, debt, catalogue, options, judged)),
      prerendered,
      streamed: spool,
      inputs,
      catalogue,
    };
  return {
    report: withTrend(finishReport(systems, errors, debt, catalogue, options, judged)),
    prerendered,
    inputs,
    catalogue,
  };
}

/** The agencies judged over the run's summaries; a policy failure is an input error of the run, as for a system. */
function agencyReports(
  agencies: AgencyCollector,
  engine: PolicyEngine,
  catalogue: Catalogue,
  options: LintOptions,
  errors: InputProblem[],
): AgencyReport[] {
  try {
    return agencies.finish(engine, catalogue, options);
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    errors.push({ file: '', code: 'policy', message: e.text });
    return [];
  }
}

/** The bundles of --policy, each read whole; the first that cannot be read stops the run (PolicyError). */
function readBundles(files: string[], cwd: string): PolicyBundle[] {
  return files.map((f) => {
    const r = readPolicyBundle(f, resolve(cwd, f));
    if (!r.ok) throw new PolicyError(r.message);
    return r.bundle;
  });
}

/** Earlier reports' totals, oldest first; an unreadable one is an input error and is left out. */
async function loadTrend(
  files: string[] | undefined,
  cwd: string,
  display: (p: string) => string,
  limits: Limits,
  errors: InputProblem[],
): Promise<TrendPoint[]> {
  if (!files?.length) return [];
  const { loadPrevious } = await import('../io/debt/previous.js');
  const points: TrendPoint[] = [];
  for (const f of files) {
    const loaded = await loadPrevious(resolve(cwd, f), display(f), limits);
    if (loaded.ok) points.push(loaded.point);
    else for (const e of loaded.errors) errors.push(e);
  }
  return points.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}
