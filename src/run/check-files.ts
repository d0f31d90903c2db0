// The per-file pipeline: read, validate, load the IaC a descriptor lists, evaluate, assemble. Shared by
// the main thread (lint-files.ts) and the worker threads (worker.ts); imports io and engine, never the
// orchestrator.
import { realpathSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { agencySummary, type AgencySummary } from '../engine/agencies.js';
import type { Catalogue } from '../engine/catalogue.js';
import { PolicyError, type PolicyEngine, type PolicyResult } from '../engine/policy-engine.js';
import { evaluateWithIac } from '../engine/iac-input.js';
import { tallySystem, type SystemTally } from '../engine/report.js';
import { isLargeSystem } from '../format/json.js';
import { assembleSystem, policyBase, type Descriptor, type RunMemo } from '../engine/system-report.js';
import { isDescriptorHead } from '../io/discover.js';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { localized } from '../i18n/index.js';
import { loadIac, looksLikeIac } from '../io/iac/load.js';
import { loadSourceSync, loadWalkedSourceSync, type SourceDoc } from '../io/descriptor/source.js';
import { descriptorProblems } from '../io/descriptor/validate.js';
import type { IacStack } from '../model/iac.js';
import type { IacVariables, InputProblem, Limits, LintOptions, Stage, SystemReport } from '../model/types.js';
import { iacThreads } from './threads.js';

/** What checking one descriptor file gives; plain data, so a worker thread can send it. */
export interface Checked {
  system?: SystemReport;
  errors: InputProblem[];
  /** The IaC files the descriptor lists (checked with it, not again on their own). */
  attached: string[];
  /** A file found by a walk that is not a descriptor: Terraform/plan JSON, or not ours. */
  skipped?: 'iac' | 'other';
  /** The system as the JSON report shows it (options.renderJson), UTF-8. */
  json?: Uint8Array;
  /** Streamed runs (FileCheckOptions.stream): what the report's summary needs of the system, which is not kept. */
  tally?: SystemTally;
  /** What the agency-level rules need of the system (src/engine/agencies.ts), kept when the system is not. */
  agency?: AgencySummary;
}

export interface FileCheckOptions {
  options: Omit<LintOptions, 'onProgress'>;
  limits: Limits;
  cwd: string;
  /** Files found by walking a directory: checked only if they turn out to be descriptors. */
  walked: ReadonlySet<string>;
  /**
   * A streamed run (src/run/lint-files.ts): each system is serialised as the JSON report shows it
   * (CheckTools.renderJson) and only its bytes and tally are kept, so memory does not grow with the portfolio.
   */
  stream?: boolean;
}

/** How a batch is checked: the policy, its catalogue, the run's shared memo and, for --format json, the writer. */
export interface CheckTools {
  engine: PolicyEngine;
  catalogue: Catalogue;
  memo: RunMemo;
  /** Serialises a system as the JSON report will show it (src/format/json.ts), when options.renderJson. */
  renderJson?: (system: SystemReport) => Uint8Array;
}

/**
 * Descriptors per batch of checkDescriptorFiles. Checked phase by phase (read the batch, validate
 * it, evaluate it, build its reports, serialise them), each phase's code and data stay in the
 * processor's caches from one file to the next: 16–20% less time per file than taking each file
 * through every phase in turn (docs/benchmarks.md, Run 9).
 */
export const CHECK_BATCH = 16;

/** Larger descriptors (in characters) are not held in a batch with others; ordinary ones are ~3,000. */
const BATCH_FILE_MAX = 64 * 1024;

/** A descriptor read and validated, with the IaC it lists, waiting for the policy. */
interface Staged {
  source: SourceDoc;
  stacks: IacStack[];
  errors: InputProblem[];
  attached: string[];
}

/** A staged descriptor and what the policy said about it. */
interface Evaluated extends Staged {
  result: PolicyResult;
  stage: Stage;
}

/**
 * Loads the infrastructure code of one system. A file listed twice (or under two spellings, or
 * through a symlink) is loaded once: the same file listed 100,000 times ran the policy's Wasm memory
 * out, and duplicates already changed the verdict (each copy's resources counted again). Then the
 * system's resources are held to limits.maxIacResources, all its files together, before anything is
 * evaluated: beyond it, this system gets an input error at `at` (the descriptor's `iac` list) and
 * is checked without its infrastructure code, while the run goes on.
 */
export async function loadStackFiles(
  files: string[],
  display: (p: string) => string,
  limits: Limits,
  jobs: number | undefined,
  variables?: IacVariables,
  at?: Pick<InputProblem, 'file' | 'line' | 'column'>,
): Promise<{ stacks: IacStack[]; errors: InputProblem[] }> {
  const stacks: IacStack[] = [];
  const errors: InputProblem[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const real = realPath(f);
    if (seen.has(real)) continue;
    seen.add(real);
    const r = await loadIac(f, display(f), limits, { threads: iacThreads(jobs), ...(variables ? { variables } : {}) });
    if (r.ok) stacks.push(r.stack);
    else for (const e of r.errors) errors.push(e);
  }
  const max = limits.maxIacResources ?? DEFAULT_LIMITS.maxIacResources;
  let count = 0;
  for (const s of stacks) count += s.resources.length;
  if (count > max) {
    const where = at ?? { file: display(files[0]!) };
    errors.push({
      ...where,
      code: 'too-many-resources',
      message: localized('input.too-many-resources', { count, limit: max, files: stacks.length }),
    });
    return { stacks: [], errors };
  }
  return { stacks, errors };
}

/**
 * The IaC paths of a run that no descriptor lists, each real file once (the first spelling in sorted
 * order): a file named twice, or once directly and once through a symlink, is one system, not two.
 */
export function standaloneIac(iacPaths: Iterable<string>, attached: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const a of attached) seen.add(realPath(a));
  const out: string[] = [];
  for (const f of [...iacPaths].sort()) {
    const real = realPath(f);
    if (seen.has(real)) continue;
    seen.add(real);
    out.push(f);
  }
  return out;
}

/** The file a path names, symlinks resolved; the path itself when it cannot be resolved (the loader says why). */
function realPath(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return resolve(p);
  }
}

/** On this thread alone, CHECK_BATCH files at a time; results in file order (with `take`, handed to it and not kept). */
export async function checkInBatches(
  files: string[],
  checkBatch: (files: string[]) => Promise<Checked[]>,
  onProgress: LintOptions['onProgress'],
  take?: (index: number, checked: Checked) => void,
): Promise<Checked[]> {
  const out: Checked[] = [];
  let done = 0;
  for (let at = 0; at < files.length; at += CHECK_BATCH) {
    for (const c of await checkBatch(files.slice(at, at + CHECK_BATCH))) {
      onProgress?.({ done, total: files.length, file: files[done]! });
      if (take) take(done, c);
      else out.push(c);
      done++;
    }
  }
  return out;
}

/**
 * Loads, validates and evaluates descriptors with the IaC they list, one phase at a time (see
 * CHECK_BATCH); results in file order. Also a worker thread's job.
 */
export async function checkDescriptorFiles(
  files: string[],
  o: FileCheckOptions,
  tools: CheckTools,
): Promise<Checked[]> {
  const display = (p: string) => relative(o.cwd, resolve(o.cwd, p)) || p;
  // A large descriptor is checked on its own, at once: sixteen files of 16 MB held together took a
  // run from 1.1 to 2.7 GB.
  const read: Array<SourceDoc | Checked> = [];
  for (const file of files) {
    const r = readDescriptor(file, o, display);
    if (!r.ok) read.push(r.checked);
    else if (r.source.text.length <= BATCH_FILE_MAX) read.push(r.source);
    else read.push((await checkStaged([r.source], [file], o, tools, display))[0]!);
  }
  return checkStaged(read, files, o, tools, display);
}

/** The phases after reading, for a batch of read descriptors (or of results already known). */
async function checkStaged(
  read: Array<SourceDoc | Checked>,
  files: string[],
  o: FileCheckOptions,
  tools: CheckTools,
  display: (p: string) => string,
): Promise<Checked[]> {
  // A SourceDoc has a value; anything else is already that file's result.
  const valid = read.map((r) => ('value' in r ? validated(r) : r));
  const staged: Array<Checked | Staged> = [];
  for (const [k, v] of valid.entries()) {
    if (!('value' in v)) {
      staged.push(v);
      continue;
    }
    const s = await withStacks(files[k]!, v, o, display);
    // A descriptor with infrastructure code is finished at once: a batch holding sixteen stacks of
    // 50,000 resources would hold sixteen times the memory of one.
    staged.push(s.stacks.length > 0 ? finished(s, tools, o.options) : s);
  }
  const evaluated = staged.map((s) => ('source' in s ? evaluateStaged(s, tools, o.options) : s));
  const systems = evaluated.map((e) => ('result' in e ? assembleStaged(e, tools, o.options) : e));
  const render = o.options.renderJson || o.stream ? tools.renderJson : undefined;
  if (!render) return systems;
  // A large system (IaC with thousands of findings) stays whole: the main thread writes it in pieces.
  if (o.stream)
    return systems.map(({ system, ...c }) =>
      system && !isLargeSystem(system) ? { ...c, json: render(system), tally: tallySystem(system) } : { ...c, system },
    );
  return systems.map((c) => (c.system ? { ...c, json: render(c.system) } : c));
}

/** Reads one descriptor, or says why it is not one (a walked file may be IaC or something else). */
export function readDescriptor(
  file: string,
  { limits, walked }: Pick<FileCheckOptions, 'limits' | 'walked'>,
  display: (p: string) => string,
): { ok: true; source: SourceDoc } | { ok: false; checked: Checked } {
  const loaded = walked.has(file)
    ? loadWalkedSourceSync(file, display(file), limits, isDescriptorHead)
    : loadSourceSync(file, display(file), limits);
  if (loaded.ok) return loaded;
  if ('skipped' in loaded) {
    const iac = /\.json$/i.test(file) && looksLikeIac(file, loaded.head.toString('latin1'));
    return { ok: false, checked: { errors: [], attached: [], skipped: iac ? 'iac' : 'other' } };
  }
  return { ok: false, checked: { errors: loaded.errors, attached: [] } };
}

export function validated(source: SourceDoc): SourceDoc | Checked {
  const problems = descriptorProblems(source);
  return problems.length > 0 ? { errors: problems, attached: [] } : source;
}

/** The IaC a descriptor lists (paths relative to it); a broken one is reported, the rest still checked. */
export async function withStacks(
  file: string,
  source: SourceDoc,
  { options, limits }: Pick<FileCheckOptions, 'options' | 'limits'>,
  display: (p: string) => string,
): Promise<Staged> {
  const listed = (source.value as { iac?: unknown }).iac;
  const attached = Array.isArray(listed)
    ? listed.filter((x): x is string => typeof x === 'string').map((p) => resolve(dirname(file), p))
    : [];
  const at = () => ({ file: source.file, ...source.locate('/iac') });
  const { stacks, errors } =
    attached.length > 0
      ? await loadStackFiles(attached, display, limits, options.jobs, options.iacVariables, at())
      : { stacks: [], errors: [] };
  return { source, stacks, errors, attached };
}

function evaluateStaged(s: Staged, tools: CheckTools, options: FileCheckOptions['options']): Checked | Evaluated {
  try {
    const { base, stage } = policyBase(s.source.value as Descriptor, tools.catalogue, options, tools.memo);
    return { ...s, result: evaluateWithIac(tools.engine, base, s.stacks), stage };
  } catch (e) {
    return policyFailure(e, s);
  }
}

function finished(s: Staged, tools: CheckTools, options: FileCheckOptions['options']): Checked {
  const e = evaluateStaged(s, tools, options);
  return 'result' in e ? assembleStaged(e, tools, options) : e;
}

function assembleStaged(e: Evaluated, tools: CheckTools, options: FileCheckOptions['options']): Checked {
  try {
    const system = assembleSystem(e.source, e.stacks, e.result, e.stage, tools.catalogue, options, tools.memo);
    const agency = agencySummary(e.source, e.result);
    return { system, errors: e.errors, attached: e.attached, ...(agency ? { agency } : {}) };
  } catch (err) {
    return policyFailure(err, e);
  }
}

function policyFailure(e: unknown, s: Staged): Checked {
  if (!(e instanceof PolicyError)) throw e;
  return { errors: [...s.errors, { file: s.source.file, code: 'policy', message: e.text }], attached: s.attached };
}
