// The CI recipes run: action.yml's steps, the GitLab job and the Jenkins `sh` lines of docs/ci.md, and the
// pre-commit hook, each with `npx … tuanthu` (or the installed `tuanthu`) replaced by this checkout's
// bin/tuanthu.js. What each recipe hands to its CI (SARIF, Code Quality, JUnit, the step summary, the
// action's outputs) is checked against the schemas in tests/schemas/.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as addFormatsModule } from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { AS_OF, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const CI_DOC = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
const FAILING = 'examples/province-land-portal';
const PASSING = 'examples/mof-public-services';

const addFormats = addFormatsModule as unknown as (ajv: unknown) => void;
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'tests/schemas', name), 'utf8'));
const sarifAjv = new Ajv2020({ allErrors: true, strict: false });
addFormats(sarifAjv);
const validSarif = sarifAjv.compile(schema('sarif-schema-2.1.0.json'));
const validCodeQuality = new Ajv({ allErrors: true, strict: false }).compile(schema('gitlab-codequality.schema.json'));

function expectSarif(file: string): Sarif.Log {
  const log = JSON.parse(readFileSync(file, 'utf8')) as Sarif.Log;
  expect(validSarif(log), JSON.stringify(validSarif.errors)).toBe(true);
  return log;
}

function expectJunit(file: string): { testsuites: { '@failures': string } } {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(readFileSync(file, 'utf8'));
  expect(doc.testsuites).toBeDefined();
  return doc;
}

/** A repository holding copies of some examples (their infrastructure code comes along). */
function workspace(...examples: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-ci-'));
  for (const e of examples) cpSync(join(ROOT, e), join(dir, e), { recursive: true });
  return dir;
}

/**
 * A shell line of a recipe with the published package replaced by this checkout's CLI (the pin must be
 * this version), and the evaluation date fixed so that the examples' verdicts do not move with the clock.
 */
function local(line: string): string {
  const out = line.replace(/\bnpx --yes tuanthu@([0-9][\w.-]*) check /g, (_, v: string) => {
    expect(v, `the recipe pins tuanthu@${v}, the package is ${VERSION}`).toBe(VERSION);
    return `node ${JSON.stringify(BIN)} check --as-of ${AS_OF} `;
  });
  expect(out).not.toBe(line);
  return out;
}

// A runner reaches the registry through the machine's proxy and CA set-up: keep those variables.
function network(): Record<string, string> {
  const keep =
    /^(NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|(HTTPS?|NO)_PROXY|(https?|no)_proxy|npm_config_(cafile|registry|proxy|https_proxy|strict_ssl))$/;
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => keep.test(e[0]) && e[1] !== undefined),
  );
}

function bash(script: string, cwd: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-step-'));
  const file = join(dir, 'step.sh');
  writeFileSync(file, script);
  // As the GitHub runner runs `shell: bash`.
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      NO_COLOR: '1',
      CI: 'true',
      ...network(),
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The fenced blocks of docs/ci.md in a language whose text matches. */
function docBlock(lang: string, matching: RegExp): string {
  const blocks = [...CI_DOC.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm'))].map((m) => m[1]!);
  const found = blocks.filter((b) => matching.test(b));
  expect(found, `one \`\`\`${lang} block of docs/ci.md matching ${matching}`).toHaveLength(1);
  return found[0]!;
}

// ---------------------------------------------------------------------------------------------
// action.yml, run step by step as the runner would.

interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string; required?: boolean; description: string }>;
  outputs: Record<string, { value: string; description: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const ACTION = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  github: Record<string, string>;
}

/** A context value such as inputs.fail-on or steps.check.outputs.exit-code ('' when unset, as GitHub gives). */
function lookup(path: string, ctx: Context): string {
  const [head, ...rest] = path.split('.');
  if (head === 'inputs' && rest.length === 1) return ctx.inputs[rest[0]!] ?? '';
  if (head === 'github' && rest.length === 1) return ctx.github[rest[0]!] ?? '';
  if (head === 'steps' && rest.length === 3 && rest[1] === 'outputs')
    return ctx.steps[rest[0]!]?.outputs[rest[2]!] ?? '';
  throw new Error(`expression not understood by this test: ${path}`);
}

/** `${{ x }}` in a value: only context look-ups are used in action.yml's values. */
function substitute(value: string, ctx: Context): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, p: string) => lookup(p, ctx));
}

/** An `if:` of the forms action.yml uses: comparisons (== or !=) of look-ups and 'strings', joined by &&. */
function condition(expr: string, ctx: Context): boolean {
  return expr.split('&&').every((part) => {
    const m = /^\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*$/.exec(part);
    if (!m) throw new Error(`condition not understood by this test: ${part}`);
    const equal = lookup(m[1]!, ctx) === m[3];
    return m[2] === '==' ? equal : !equal;
  });
}

function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) out[line.slice(0, at)] = line.slice(at + 1);
  }
  return out;
}

interface ActionRun {
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  failedAt?: string;
  exitStatus: number;
  uploaded?: string;
  ran: string[];
}

function runAction(given: Record<string, string>, cwd = ROOT): ActionRun {
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(ACTION.inputs)) inputs[k] = v.default ?? '';
  for (const [k, v] of Object.entries(given)) {
    expect(ACTION.inputs, `input ${k}`).toHaveProperty(k);
    inputs[k] = v;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'tuanthu-action-'));
  const summaryFile = join(tmp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const ctx: Context = { inputs, steps: {}, github: { action_path: ROOT } };
  const run: ActionRun = { outputs: {}, summary: '', stdout: '', exitStatus: 0, ran: [] };
  for (const [i, step] of ACTION.runs.steps.entries()) {
    if (step.if && !condition(step.if, ctx)) continue;
    run.ran.push(step.id ?? step.name ?? String(i));
    if (step.uses) {
      const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]));
      if (step.uses.startsWith('actions/setup-node@')) {
        // This test runs on the Node it was started with: it must be one the action may set up.
        expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(Number(w['node-version']));
      } else if (step.uses.startsWith('github/codeql-action/upload-sarif@')) {
        expectSarif(resolve(cwd, w.sarif_file!));
        expect(w.category).toBe('tuanthu');
        run.uploaded = w.sarif_file;
      } else throw new Error(`no stand-in for ${step.uses}`);
      continue;
    }
    expect(step.shell).toBe('bash');
    // Inputs reach scripts through env only: a ${{ }} in a script would splice text into shell.
    expect(step.run, `step ${step.name}`).not.toContain('${{');
    const outputFile = join(tmp, `output-${i}`);
    const env: Record<string, string> = {
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTION_PATH: ROOT,
      RUNNER_TEMP: tmp,
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(String(v), ctx);
    const r = bash(step.run!, cwd, env);
    run.stdout += r.stdout;
    if (step.id) ctx.steps[step.id] = { outputs: readOutputs(outputFile) };
    if (r.status !== 0) {
      run.failedAt = step.name;
      run.exitStatus = r.status ?? -1;
      break;
    }
  }
  for (const [k, v] of Object.entries(ACTION.outputs)) run.outputs[k] = substitute(v.value, ctx);
  run.summary = readFileSync(summaryFile, 'utf8');
  return run;
}

describe('action.yml (composite GitHub Action)', () => {
  it('is a composite action that sets up Node, uploads SARIF and declares its outputs', () => {
    expect(ACTION.runs.using).toBe('composite');
    const uses = ACTION.runs.steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3']);
    expect(Object.keys(ACTION.inputs)).toEqual(
      expect.arrayContaining(['paths', 'as-of', 'fail-on', 'formats', 'lang', 'sarif-file']),
    );
    expect(Object.keys(ACTION.outputs)).toEqual(['exit-code', 'verdict', 'sarif-file']);
  });

  it('on findings: annotations, SARIF uploaded, summary written, extra formats, then the step fails with exit 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'tuanthu-action-out-'));
    const r = runAction({
      paths: `${FAILING}/system.yaml\n${PASSING}/system.yaml`,
      'as-of': AS_OF,
      lang: 'en',
      formats: `html=${out}/audit.html junit=${out}/junit.xml`,
      'sarif-file': join(out, 'tuanthu.sarif'),
    });
    expect(r.outputs).toEqual({ 'exit-code': '1', verdict: 'fail', 'sarif-file': join(out, 'tuanthu.sarif') });
    expect(r.uploaded).toBe(join(out, 'tuanthu.sarif'));
    const log = expectSarif(join(out, 'tuanthu.sarif'));
    expect(log.runs[0]!.results!.some((x) => x.ruleId === 'LVL-02')).toBe(true);
    expect(r.stdout).toMatch(/^::error file=examples\/province-land-portal\/system\.yaml,line=\d+/m);
    expect(r.summary).toContain('## tuanthu compliance check');
    expect(r.summary).toContain('❌');
    expect(readFileSync(join(out, 'audit.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(Number(expectJunit(join(out, 'junit.xml')).testsuites['@failures'])).toBeGreaterThan(0);
    expect(r.failedAt).toBe('Verdict');
    expect(r.exitStatus).toBe(1);
  });

  it('on a pass: exit code 0, verdict pass, no failing step; Vietnamese summary with lang vi', () => {
    const out = mkdtempSync(join(tmpdir(), 'tuanthu-action-out-'));
    const r = runAction({ paths: `${PASSING}/system.yaml`, lang: 'vi', 'sarif-file': join(out, 'x.sarif') });
    expect(r.outputs['exit-code']).toBe('0');
    expect(r.outputs.verdict).toBe('pass');
    expect(r.failedAt).toBeUndefined();
    expect(r.ran).not.toContain('Verdict');
    expect(r.summary).toContain('✅');
    expect(r.summary).toContain('hệ thống');
  });

  it('on an input error: verdict error (exit 2); fail: false keeps the step green; upload-sarif: false skips the upload', () => {
    const out = mkdtempSync(join(tmpdir(), 'tuanthu-action-out-'));
    const r = runAction({
      paths: 'tests/fixtures/bad/malformed.yaml',
      'sarif-file': join(out, 'x.sarif'),
      fail: 'false',
      'upload-sarif': 'false',
    });
    expect(r.outputs).toMatchObject({ 'exit-code': '2', verdict: 'error' });
    expect(r.failedAt).toBeUndefined();
    expect(r.uploaded).toBeUndefined();
    expectSarif(join(out, 'x.sarif'));
  });

  it('on a repository with nothing to check: verdict error, not a pass', () => {
    const ws = mkdtempSync(join(tmpdir(), 'tuanthu-ci-empty-'));
    writeFileSync(join(ws, 'config.yaml'), 'a: 1\n');
    const r = runAction({ 'sarif-file': 'tuanthu.sarif' }, ws);
    expect(r.outputs).toMatchObject({ 'exit-code': '2', verdict: 'error' });
    expect(r.stdout).toMatch(/^::error file=\.,title=tuanthu%3A nothing-found::/m);
    expect(r.failedAt).toBe('Verdict');
  });

  it('never runs an input as shell', () => {
    const out = mkdtempSync(join(tmpdir(), 'tuanthu-action-out-'));
    const marker = join(out, 'pwned');
    const r = runAction({
      paths: `$(touch ${marker}) \`touch ${marker}\` ${PASSING}/system.yaml`,
      formats: `;touch ${marker}`,
      'sarif-file': join(out, 'x.sarif'),
      fail: 'false',
    });
    expect(existsSync(marker)).toBe(false);
    expect(r.outputs.verdict).toBe('error'); // the odd words are paths and a format that do not exist
  });
});

describe('action.yml on a fresh checkout', () => {
  it('builds tuanthu with the production dependencies and only the compiler and type packages', {
    timeout: 300_000,
  }, () => {
    // The action's checkout: the files git tracks or would track, nothing installed, nothing built.
    const home = mkdtempSync(join(tmpdir(), 'tuanthu-action-home-'));
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    for (const f of listed.split('\0').filter(Boolean)) {
      if (!existsSync(join(ROOT, f))) continue;
      mkdirSync(dirname(join(home, f)), { recursive: true });
      cpSync(join(ROOT, f), join(home, f));
    }
    const step = ACTION.runs.steps.find((x) => x.id === 'build')!;
    const tmp = mkdtempSync(join(tmpdir(), 'tuanthu-action-'));
    const ctx: Context = { inputs: {}, steps: {}, github: { action_path: home } };
    const env: Record<string, string> = { GITHUB_OUTPUT: join(tmp, 'output'), RUNNER_TEMP: tmp };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(String(v), ctx);
    // Packages from the npm cache that `npm ci` filled; the registry only for what it lacks.
    const r = bash(step.run!, tmp, { ...env, npm_config_prefer_offline: 'true' });
    expect(r.status, r.stderr).toBe(0);
    expect(readOutputs(join(tmp, 'output'))).toEqual({ bin: `${home}/bin/tuanthu.js` });
    for (const dev of ['vitest', '@cdktf', 'cdktf', 'playwright-core', '@biomejs'])
      expect(existsSync(join(home, 'node_modules', dev)), dev).toBe(false);
    const check = bash(`node bin/tuanthu.js check --as-of ${AS_OF} ${PASSING}/system.yaml`, home);
    expect(check.status, check.stderr).toBe(0);
    const built = readdirSync(join(home, 'dist/io/descriptor/validators'));
    expect(built).toContain('system.schema.cjs');
  });
});

describe('docs/ci.md: the GitHub workflow', () => {
  it('uses the action with inputs it declares, and the permission the SARIF upload needs', () => {
    const wf = parseYaml(docBlock('yaml', /uses: \.\//)) as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }>;
    };
    expect(wf.permissions['security-events']).toBe('write');
    const step = Object.values(wf.jobs)[0]!.steps.find((s) => s.uses === './')!;
    for (const k of Object.keys(step.with!)) expect(ACTION.inputs).toHaveProperty(k);
    const out = mkdtempSync(join(tmpdir(), 'tuanthu-action-out-'));
    const ws = workspace(FAILING, PASSING);
    const r = runAction({ ...step.with, 'as-of': AS_OF, 'sarif-file': join(out, 'tuanthu.sarif') }, ws);
    expect(r.outputs.verdict).toBe('fail');
    expect(existsSync(join(ws, 'audit.html'))).toBe(true);
    expectJunit(join(ws, 'tuanthu-junit.xml'));
  });
});

// ---------------------------------------------------------------------------------------------

describe('docs/ci.md: the GitLab job', () => {
  const job = Object.values(parseYaml(docBlock('yaml', /codequality:/)) as Record<string, GitlabJob>)[0]!;
  interface GitlabJob {
    image: string;
    script: string[];
    artifacts: { when: string; reports: { codequality: string; junit: string } };
  }

  it('runs on the node image and keeps its reports when findings fail it', () => {
    expect(job.image).toMatch(/^node:(2\d)/);
    expect(job.artifacts.when).toBe('always');
  });

  it('its script writes a valid Code Quality report and JUnit, and fails on findings', () => {
    const ws = workspace(FAILING, PASSING);
    const results = job.script.map((line) => bash(local(line), ws));
    expect(results.map((r) => r.status)).toEqual([1]);
    const issues = JSON.parse(readFileSync(join(ws, job.artifacts.reports.codequality), 'utf8'));
    expect(validCodeQuality(issues), JSON.stringify(validCodeQuality.errors)).toBe(true);
    expect(issues.some((i: { location: { path: string } }) => i.location.path === `${FAILING}/system.yaml`)).toBe(true);
    expectJunit(join(ws, job.artifacts.reports.junit));
  });

  it('passes on a compliant repository', () => {
    const ws = workspace(PASSING);
    expect(job.script.map((line) => bash(local(line), ws).status)).toEqual([0]);
    expect(JSON.parse(readFileSync(join(ws, job.artifacts.reports.codequality), 'utf8'))).toEqual([]);
  });
});

describe('docs/ci.md: the Jenkins pipeline', () => {
  const groovy = docBlock('groovy', /pipeline/);
  const sh = [...groovy.matchAll(/^\s*sh '([^']*)'$/gm)].map((m) => m[1]!);
  const junit = /^\s*junit '([^']+)'$/m.exec(groovy)?.[1];
  const sarif = /recordIssues tool: sarif\(pattern: '([^']+)'\)/.exec(groovy)?.[1];

  it('its sh lines write the JUnit and SARIF files that junit and recordIssues read', () => {
    expect(groovy).toContain("image 'node:20'");
    expect(sh).toHaveLength(1);
    const ws = workspace(FAILING, PASSING);
    expect(sh.map((line) => bash(local(line), ws).status)).toEqual([1]);
    expect(Number(expectJunit(join(ws, junit!)).testsuites['@failures'])).toBeGreaterThan(0);
    expect(expectSarif(join(ws, sarif!)).runs[0]!.results!.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('pre-commit', () => {
  interface Hook {
    id: string;
    language: string;
    entry: string;
    files: string;
    pass_filenames: boolean;
    args?: string[];
    additional_dependencies?: string[];
  }
  const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'tuanthu')!;
  const config = parseYaml(docBlock('yaml', /^repos:/m)) as { repos: Array<{ repo: string; hooks: Hook[] }> };
  const localHook = config.repos[0]!.hooks[0]!;
  const run = (h: Hook, cwd: string) =>
    bash(
      `${h.entry.replace(/^tuanthu check /, `node ${JSON.stringify(BIN)} check --as-of ${AS_OF} `)} ${(h.args ?? []).join(' ')}`,
      cwd,
    );

  it('is a node hook on descriptors and Terraform, the same as the local hook of docs/ci.md', () => {
    expect(hook).toMatchObject({ language: 'node', pass_filenames: false });
    expect(hook.entry).toMatch(/^tuanthu check\b/);
    expect(localHook).toMatchObject({
      id: hook.id,
      language: hook.language,
      entry: hook.entry,
      files: hook.files,
      pass_filenames: false,
    });
    expect(localHook.additional_dependencies).toEqual([`tuanthu@${VERSION}`]);
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
    const files = new RegExp(hook.files);
    for (const p of ['system.yaml', 'a/b/he-thong.yml', 'x.json', 'infra/main.tf', 'cdktf.out/stacks/a/cdk.tf.json'])
      expect(files.test(p), p).toBe(true);
    for (const p of ['README.md', 'src/index.ts', 'main.tfvars', 'yaml.txt']) expect(files.test(p), p).toBe(false);
  });

  it('its entry fails on a repository with findings and passes on a compliant one', () => {
    const failing = run(hook, workspace(FAILING, PASSING));
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('FAIL');
    expect(run(hook, workspace(PASSING)).status).toBe(0);
    expect(run(localHook, workspace(FAILING)).status).toBe(1);
    const empty = run(hook, mkdtempSync(join(tmpdir(), 'tuanthu-ci-empty-')));
    expect(empty.status).toBe(2);
    expect(empty.stderr + empty.stdout).toContain('nothing was checked');
  });
});
