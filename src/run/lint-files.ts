import { dirname, relative, resolve } from 'node:path';
import { fingerprint } from '../engine/baseline/fingerprint.js';
import { renderSystemJson, reuseSystemJson } from '../format/json.js';
import { collectDayNumbers } from '../util/dates.js';
import { applyDebt, loadDebtInputs } from '../engine/debt.js';
import { discover, isDescriptorHead } from '../io/discover.js';
import { evaluateWithIac, iacLocations, resourceIndex } from '../engine/iac-input.js';
import { loadIac, looksLikeIac } from '../io/iac/load.js';
import type { IacStack } from '../model/iac.js';
import { classifyFile } from '../io/iac/sniff.js';
import { inLanguage, inputMessage } from '../i18n/input-messages.js';
import { reasonText } from '../i18n/text.js';
import { resolveLimits } from '../io/limits.js';
import { locate, loadSourceSync, loadWalkedSourceSync, type SourceDoc } from '../io/descriptor/source.js';
import { validateAgainst } from '../io/descriptor/schema.js';
import { loadCatalogue, messageFor, type Catalogue, type RuleMeta } from '../engine/catalogue.js';
import { PolicyEngine, PolicyError, type PolicyInput, type PolicyReason, type PolicyResult } from '../engine/policy-engine.js';
import { checkInParallel, iacThreads, parallelJobs } from './pool.js';
import { atLeast, severityRank } from '../model/severity.js';
import { SEVERITIES, type Finding, type InputProblem, type Lang, type Limits, type Localized, type LintOptions, type Report, type RuleReason, type RuleResult, type Severity, type Stage, type SystemReport } from '../model/types.js';
import { compareText } from '../util/collate.js';
import { DEFAULT_MAX_WAIVER_DAYS } from '../engine/waivers/model.js';

export const TOOL_VERSION = '0.1.0';

export interface LintDeps {
  catalogue?: Catalogue;
  engine?: PolicyEngine;
  limits?: Partial<Limits>;
}

/**
 * Checks descriptors (files, or directories walked for descriptors) and returns the report.
 * Pure with respect to the process: no console, no exit; the clock only via options.asOf.
 */
export async function lint(paths: string[], options: LintOptions, deps: LintDeps = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const catalogue = deps.catalogue ?? loadCatalogue();
  const engine = deps.engine ?? PolicyEngine.load();
  const display = (p: string) => relative(cwd, resolve(cwd, p)) || p;

  const limits = resolveLimits(deps.limits, options.limits);
  const found = await discover(paths.map((p) => resolve(cwd, p)));
  const errors: InputProblem[] = found.problems.map((p) => ({ file: display(p.path), code: 'read', message: p.message }));
  // Waivers and baseline are validated before anything is evaluated; a bad one is an input error.
  const debt = await loadDebtInputs(options, cwd, found.files, limits);
  errors.push(...debt.errors);
  const systems: SystemReport[] = [];
  // Files named on the command line may be IaC (cdk.tf.json, plan JSON, .tf); walks find both kinds
  // (walked JSON files turn out to be IaC while they are checked).
  const iacPaths = new Set(found.iac);
  const descriptors: string[] = [];
  for (const f of found.files) (!found.walked.has(f) && (await classifyFile(f)) === 'iac' ? iacPaths.add(f) : descriptors.push(f));
  const attached = new Set<string>();
  const loadStacks = async (files: string[]): Promise<IacStack[]> => {
    const r = await loadStackFiles(files, display, limits, options.jobs);
    for (const f of files) attached.add(f);
    errors.push(...r.errors);
    return r.stacks;
  };
  const jobs = !deps.engine && !deps.catalogue ? parallelJobs(options.jobs, descriptors.length) : 1;
  // Serialising while checking pays only when another thread shares the work.
  // When threads already share the descriptors, the .tf modules they list are parsed on the thread checking them.
  const fileOptions: FileCheckOptions = { options: { ...options, renderJson: options.renderJson === true && jobs > 1, ...(jobs > 1 ? { jobs: 1 } : {}) }, limits, cwd, walked: found.walked };
  const progress = options.onProgress && ((p: { done: number; total: number; file: string }) => options.onProgress?.({ ...p, file: display(p.file) }));
  const checkBatch = (files: string[]) => checkDescriptorFiles(files, fileOptions, engine, catalogue);
  const checked = jobs > 1 ? await checkInParallel(descriptors, jobs, fileOptions, checkBatch, progress) : await checkInBatches(descriptors, checkBatch, progress);
  // In descriptor order whichever thread checked a file, so the report does not show the split.
  for (const [i, c] of checked.entries()) {
    errors.push(...c.errors);
    if (c.skipped === 'iac') iacPaths.add(descriptors[i]!);
    for (const f of c.attached) attached.add(f);
    if (c.system) systems.push(c.system);
    if (c.system && c.json) reuseSystemJson(c.system, c.json);
  }
  // IaC that no descriptor of this run lists is checked on its own, as a system without a descriptor.
  for (const f of [...iacPaths].sort()) {
    if (attached.has(f)) continue;
    const stacks = await loadStacks([f]);
    if (stacks.length === 0) continue;
    try {
      systems.push(checkSystem(null, stacks, engine, catalogue, options));
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      errors.push({ file: display(f), code: 'policy', message: e.text });
    }
  }
  const settled = applyDebt(systems, debt, catalogue, options);
  const report = buildReport(settled.systems, errors, catalogue, options);
  return { ...report, waivers: settled.waivers, ...(settled.baseline ? { baseline: settled.baseline } : {}), ...(debt.files.length > 0 ? { debtInputs: debt.files } : {}) };
}

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
}

export interface FileCheckOptions {
  options: Omit<LintOptions, 'onProgress'>;
  limits: Limits;
  cwd: string;
  /** Files found by walking a directory: checked only if they turn out to be descriptors. */
  walked: ReadonlySet<string>;
}

async function loadStackFiles(files: string[], display: (p: string) => string, limits: Limits, jobs: number | undefined): Promise<{ stacks: IacStack[]; errors: InputProblem[] }> {
  const stacks: IacStack[] = [];
  const errors: InputProblem[] = [];
  for (const f of files) {
    const r = await loadIac(f, display(f), limits, { threads: iacThreads(jobs) });
    if (r.ok) stacks.push(r.stack);
    else errors.push(...r.errors);
  }
  return { stacks, errors };
}

/**
 * Descriptors per batch of checkDescriptorFiles. Checked phase by phase (read the batch, validate
 * it, evaluate it, build its reports, serialise them), each phase's code and data stay in the
 * processor's caches from one file to the next: 16–20% less time per file than taking each file
 * through every phase in turn (docs/benchmarks.md, Run 9).
 */
export const CHECK_BATCH = 16;

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

/** On this thread alone, CHECK_BATCH files at a time; results in file order. */
async function checkInBatches(files: string[], checkBatch: (files: string[]) => Promise<Checked[]>, onProgress: LintOptions['onProgress']): Promise<Checked[]> {
  const out: Checked[] = [];
  for (let at = 0; at < files.length; at += CHECK_BATCH) {
    for (const c of await checkBatch(files.slice(at, at + CHECK_BATCH))) {
      onProgress?.({ done: out.length, total: files.length, file: files[out.length]! });
      out.push(c);
    }
  }
  return out;
}

/** Loads, validates and evaluates descriptors with the IaC they list, one phase at a time (see CHECK_BATCH); results in file order. Also a worker thread's job. */
export async function checkDescriptorFiles(files: string[], o: FileCheckOptions, engine: PolicyEngine, catalogue: Catalogue): Promise<Checked[]> {
  const display = (p: string) => relative(o.cwd, resolve(o.cwd, p)) || p;
  // A large descriptor is checked on its own, at once: sixteen files of 16 MB held together took a
  // run from 1.1 to 2.7 GB.
  const read: Array<SourceDoc | Checked> = [];
  for (const file of files) {
    const r = readDescriptor(file, o, display);
    if (!r.ok) read.push(r.checked);
    else if (r.source.text.length <= BATCH_FILE_MAX) read.push(r.source);
    else read.push((await checkStaged([r.source], [file], o, engine, catalogue, display))[0]!);
  }
  return checkStaged(read, files, o, engine, catalogue, display);
}

/** Larger descriptors (in characters) are not held in a batch with others; ordinary ones are ~3,000. */
const BATCH_FILE_MAX = 64 * 1024;

/** The phases after reading, for a batch of read descriptors (or of results already known). */
async function checkStaged(read: Array<SourceDoc | Checked>, files: string[], o: FileCheckOptions, engine: PolicyEngine, catalogue: Catalogue, display: (p: string) => string): Promise<Checked[]> {
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
    staged.push(s.stacks.length > 0 ? finished(s, engine, catalogue, o.options) : s);
  }
  const evaluated = staged.map((s) => ('source' in s ? evaluateStaged(s, engine, catalogue, o.options) : s));
  const systems = evaluated.map((e) => ('result' in e ? assembleStaged(e, catalogue, o.options) : e));
  return systems.map((c) => (o.options.renderJson && c.system ? { ...c, json: renderSystemJson(c.system) } : c));
}

function readDescriptor(file: string, { limits, walked }: FileCheckOptions, display: (p: string) => string): { ok: true; source: SourceDoc } | { ok: false; checked: Checked } {
  const loaded = walked.has(file) ? loadWalkedSourceSync(file, display(file), limits, isDescriptorHead) : loadSourceSync(file, display(file), limits);
  if (loaded.ok) return loaded;
  if ('skipped' in loaded) return { ok: false, checked: { errors: [], attached: [], skipped: /\.json$/i.test(file) && looksLikeIac(file, loaded.head.toString('latin1')) ? 'iac' : 'other' } };
  return { ok: false, checked: { errors: loaded.errors, attached: [] } };
}

function validated(source: SourceDoc): SourceDoc | Checked {
  const problems = checkShape(source);
  return problems.length > 0 ? { errors: problems, attached: [] } : source;
}

async function withStacks(file: string, source: SourceDoc, { options, limits }: FileCheckOptions, display: (p: string) => string): Promise<Staged> {
  // IaC paths in the descriptor are relative to it; a broken one is reported, the rest still checked.
  const listed = (source.value as { iac?: unknown }).iac;
  const attached = Array.isArray(listed) ? listed.filter((x): x is string => typeof x === 'string').map((p) => resolve(dirname(file), p)) : [];
  const { stacks, errors } = attached.length > 0 ? await loadStackFiles(attached, display, limits, options.jobs) : { stacks: [], errors: [] };
  return { source, stacks, errors, attached };
}

function evaluateStaged(s: Staged, engine: PolicyEngine, catalogue: Catalogue, options: Omit<LintOptions, 'onProgress'>): Checked | Evaluated {
  try {
    const { base, stage } = policyBase(s.source.value as Descriptor, catalogue, options);
    return { ...s, result: evaluateWithIac(engine, base, s.stacks), stage };
  } catch (e) {
    return policyFailure(e, s);
  }
}

function finished(s: Staged, engine: PolicyEngine, catalogue: Catalogue, options: Omit<LintOptions, 'onProgress'>): Checked {
  const e = evaluateStaged(s, engine, catalogue, options);
  return 'result' in e ? assembleStaged(e, catalogue, options) : e;
}

function assembleStaged(e: Evaluated, catalogue: Catalogue, options: Omit<LintOptions, 'onProgress'>): Checked {
  try {
    return { system: assembleSystem(e.source, e.stacks, e.result, e.stage, catalogue, options), errors: e.errors, attached: e.attached };
  } catch (err) {
    return policyFailure(err, e);
  }
}

function policyFailure(e: unknown, s: Staged): Checked {
  if (!(e instanceof PolicyError)) throw e;
  return { errors: [...s.errors, { file: s.source.file, code: 'policy', message: e.text }], attached: s.attached };
}

function checkShape(source: SourceDoc): InputProblem[] {
  const v = source.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    const kind = Array.isArray(v) ? 'list' : v === null ? 'empty' : typeof v;
    const shown = SHAPE_NAMES[kind] ?? { en: `a single ${kind}`, vi: `một giá trị ${kind}` };
    return [{ file: source.file, line: 1, column: 1, code: 'not-a-descriptor', message: inputMessage('not-a-descriptor', { shown }) }];
  }
  return validateAgainst('system.schema.json', source);
}

const SHAPE_NAMES: Record<string, Localized> = {
  list: { en: 'a list', vi: 'một danh sách' },
  empty: { en: 'empty', vi: 'rỗng' },
};

interface Descriptor {
  system: { id: string; name: string; owner?: string; sector?: string; accountable_head?: { name: string; title?: string } };
  lifecycle: { stage: Stage };
  classification?: { level?: number };
}

function checkSystem(source: SourceDoc | null, stacks: IacStack[], engine: PolicyEngine, catalogue: Catalogue, options: Omit<LintOptions, 'onProgress'>): SystemReport {
  const { base, stage } = policyBase((source?.value ?? null) as Descriptor | null, catalogue, options);
  return assembleSystem(source, stacks, evaluateWithIac(engine, base, stacks), stage, catalogue, options);
}

/** The policy's input but for the IaC, and the stage the system is checked in. */
function policyBase(descriptor: Descriptor | null, catalogue: Catalogue, options: Omit<LintOptions, 'onProgress'>): { base: Omit<PolicyInput, 'iac'>; stage: Stage } {
  // Without a descriptor only IaC rules run; they apply in every stage.
  const stage = options.stage ?? descriptor?.lifecycle.stage ?? 'production';
  const days = collectDayNumbers(descriptor ?? {});
  for (const [d, n] of contextDays(options.asOf, catalogue)) if (!(d in days)) days[d] = n;
  return { base: { descriptor, context: { as_of: options.asOf, stage, days } }, stage };
}

/** A system's report from what the policy said about it. */
function assembleSystem(source: SourceDoc | null, stacks: IacStack[], result: PolicyResult, stage: Stage, catalogue: Catalogue, options: Omit<LintOptions, 'onProgress'>): SystemReport {
  const descriptor = (source?.value ?? null) as Descriptor | null;

  // Descriptor findings carry a JSON pointer; IaC findings a resource address (or the IaC input name).
  const iacPlaces = iacLocations(stacks, result.findings.filter((f) => !f.path.startsWith('/')).map((f) => f.path));
  const byAddress = resourceIndex(stacks);
  const systemId = descriptor?.system.id ?? stacks[0]?.file ?? '';
  const findings: Finding[] = result.findings.map((raw) => {
    const meta = catalogue.byId.get(raw.rule);
    if (!meta) throw new PolicyError(inputMessage('policy-unknown-rule', { rule: raw.rule }));
    const due = raw.status === 'due';
    const params: Record<string, unknown> = due ? { ...raw.params, due: meta.due } : { ...raw.params };
    const constructPath = byAddress.get(raw.path)?.construct_path;
    if (constructPath) params.construct_path = constructPath;
    const place = raw.path.startsWith('/') && source ? { file: source.file, ...locate(source, raw.path) } : (iacPlaces.get(raw.path) ?? { file: stacks[0]?.file ?? source?.file ?? '', line: 1, column: 1 });
    const keyed = { ...params, msg: raw.msg };
    const finding: Finding = {
      rule: raw.rule,
      severity: due ? 'info' : (raw.severity ?? meta.severity),
      ruleSeverity: meta.severity,
      status: raw.status,
      path: raw.path,
      params: keyed,
      location: place,
      message: messageFor(meta, raw.msg, params, options.lang),
      title: meta.title[options.lang],
      remediation: meta.remediation[options.lang],
      clauses: meta.clauses,
      fingerprint: fingerprint(systemId, { rule: raw.rule, path: raw.path, params: keyed }),
    };
    // Set afterwards rather than spread into the literal, which V8 builds on a slow path.
    if (meta.supports) finding.supports = meta.supports;
    return finding;
  });
  findings.sort(compareFindings);

  // One pass over the findings, not one per rule: a violation outranks "due".
  const outcomes = new Map<string, 'violation' | 'due'>();
  for (const f of findings) if (outcomes.get(f.rule) !== 'violation') outcomes.set(f.rule, f.status);
  const rules: RuleResult[] = catalogue.rules.map((meta) => {
    const reason = result.not_applicable[meta.key];
    if (reason !== undefined) return { rule: meta.id, outcome: 'not_applicable', reason: sharedReason(reason, meta, stage, options.lang) };
    const status = outcomes.get(meta.id);
    if (status === 'violation') return { rule: meta.id, outcome: 'fail' };
    if (status === 'due') return { rule: meta.id, outcome: 'due' };
    return { rule: meta.id, outcome: 'pass' };
  });

  const failing = findings.some((f) => f.status === 'violation' && atLeast(f.severity, options.failOn));
  const iacInputs = stacks.flatMap((s) => s.inputs.map((i) => ({ ...i, role: 'iac' as const })));
  if (!source || !descriptor) {
    const file = stacks[0]!.file;
    return { file, id: file, name: file, result: failing ? 'fail' : 'pass', metrics: result.metrics, findings, rules, inputs: iacInputs };
  }
  return {
    file: source.file,
    id: descriptor.system.id,
    name: descriptor.system.name,
    owner: descriptor.system.owner,
    ...(descriptor.system.accountable_head ? { accountableHead: descriptor.system.accountable_head } : {}),
    level: descriptor.classification?.level,
    stage,
    sector: descriptor.system.sector,
    result: failing ? 'fail' : 'pass',
    metrics: result.metrics,
    findings,
    rules,
    inputs: [{ file: source.file, sha256: source.sha256, role: 'descriptor' }, ...iacInputs],
  };
}

// The evaluation date and the rules' deadlines are the same for every system of a run.
let contextDaysCache: { asOf: string; catalogue: Catalogue; days: Array<[string, number]> } | undefined;
function contextDays(asOf: string, catalogue: Catalogue): Array<[string, number]> {
  if (contextDaysCache?.asOf !== asOf || contextDaysCache.catalogue !== catalogue) {
    const days = collectDayNumbers(asOf);
    for (const r of catalogue.rules) if (r.due) collectDayNumbers(r.due, days);
    contextDaysCache = { asOf, catalogue, days: Object.entries(days) };
  }
  return contextDaysCache.days;
}

// The same few reasons (no IaC given, another stage…) recur in every system of a portfolio: one
// object each, shared by the systems (nothing mutates a report), rendered once.
const reasons = new Map<string, RuleReason>();
const stagesKeys = new WeakMap<RuleMeta, string>();
function stagesKey(meta: RuleMeta): string {
  let k = stagesKeys.get(meta);
  if (k === undefined) stagesKeys.set(meta, (k = meta.stages.join('\u0000')));
  return k;
}
function sharedReason(raw: PolicyReason, meta: RuleMeta, stage: string, lang: Lang): RuleReason {
  const own = typeof raw !== 'string';
  // A scope reason's parameters: the stage, and the stages the rule applies in, for "stage".
  const key = own ? `${lang}\u0000${raw.code}\u0000${JSON.stringify(raw.params)}` : raw === 'stage' ? `${lang}\u0000stage\u0000${stage}\u0000${stagesKey(meta)}` : `${lang}\u0000${raw}`;
  let reason = reasons.get(key);
  if (reason === undefined) {
    if (reasons.size > 10_000) reasons.clear();
    const { code, params } = own ? raw : { code: raw, params: raw === 'stage' ? { stages: meta.stages, stage } : {} };
    reasons.set(key, (reason = { code, params, text: reasonText(code, params, lang) }));
  }
  return reason;
}

/** Most severe first, then by rule and place, so output is stable run to run. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.location.file, b.location.file) ||
    compareText(a.rule, b.rule) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    compareText(a.path, b.path) ||
    compareText(String(a.params.msg), String(b.params.msg))
  );
}

function buildReport(systems: SystemReport[], problems: InputProblem[], catalogue: Catalogue, options: LintOptions): Report {
  systems.sort((a, b) => compareText(a.file, b.file));
  problems.sort((a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
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
    tool: { name: 'tuanthu', version: TOOL_VERSION, policyDigest: catalogue.manifest.wasmDigest, regoDigest: catalogue.manifest.regoDigest },
    asOf: options.asOf,
    failOn: options.failOn,
    lang: options.lang,
    // Settings that change the result, kept so the run can be reproduced (absent when left as default).
    ...(options.stage ? { stage: options.stage } : {}),
    ...(options.maxWaiverDays !== undefined && options.maxWaiverDays !== DEFAULT_MAX_WAIVER_DAYS ? { maxWaiverDays: options.maxWaiverDays } : {}),
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
